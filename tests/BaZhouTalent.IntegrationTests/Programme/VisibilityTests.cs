using System.Security.Claims;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// The lists' query-level visibility and the authorization handler's View rule are two forms of one rule
/// (<see cref="Visibility"/>): for every application of a mixed programme (every status, three units in two counties and
/// 市本级) and every kind of account, the database's answer is exactly the handler's; and every list built on it — the
/// requests waiting for a unit or the federation, 我的项目, 待办 — offers only what its page opens.
/// </summary>
public class VisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Every kind of account: the federation, a researcher, units and counties with and without the mix's
    /// projects, an expert assigned to them and one not.</summary>
    public static TheoryData<string> Accounts() =>
        new("admin", "yangzhuo", "unit.bzdx", "skl.bazhou", "expert.1", "expert.2", "vis.unit.b", "vis.county.tongjiang");

    [SkippableTheory]
    [MemberData(nameof(Accounts))]
    public async Task The_list_query_shows_exactly_what_the_authorization_handler_lets_open(string userName)
    {
        await SeedAsync();

        var (queried, allowed) = await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var (_, principal) = await SignInAsync(sp, userName);
            var user = CurrentUser(principal);
            var queried = await db.ClosureApplications.Where(Visibility.Applications(user)).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            var applications = await db.ClosureApplications.AsNoTracking()
                .Include(a => a.Project).ThenInclude(p => p.Unit).Include(a => a.ExpertAssignments).ToListAsync();
            var allowed = applications.Where(a => ApplicationAuthorizationHandler.IsAllowed(principal, ApplicationOperations.View, a))
                .Select(a => a.Id).OrderBy(id => id).ToList();
            return (queried, allowed);
        });

        Assert.Equal(allowed, queried);
        if (userName is not ("unit.bzdx" or "yangzhuo" or "expert.2"))
            Assert.NotEmpty(allowed);
    }

    [SkippableTheory]
    [MemberData(nameof(Accounts))]
    public async Task Every_list_offers_exactly_what_its_party_acts_on_and_only_what_its_page_opens(string userName)
    {
        await SeedAsync();

        await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var (account, principal) = await SignInAsync(sp, userName);
            var user = CurrentUser(principal);
            T As<T>() where T : class => ActivatorUtilities.CreateInstance<T>(sp, user);
            var all = new ListRequest(PageSize: ListRequest.MaxPageSize);

            // Requests: each party's list is the requests in a state the party acts from, on the projects it answers for.
            var requests = await db.ProjectRequests.AsNoTracking().Include(r => r.Project).ToListAsync();
            foreach (var party in new[] { RequestParty.Unit, RequestParty.Federation })
            {
                var listed = (await As<ListWaitingRequests.Handler>().HandleAsync(party, all)).Rows.Select(r => r.Id).Order().ToList();
                var expected = requests.Where(r => r.Project.Lifecycle == ProjectLifecycleStatus.Active && party switch
                {
                    RequestParty.Unit => principal.IsInRole(Roles.UnitReviewer) && r.Status == ProjectRequestStatus.Requested && r.Project.UnitId == account.UnitId,
                    _ => principal.IsInRole(Roles.MunicipalFederation) && r.Status == ProjectRequestStatus.UnitAgreed,
                }).Select(r => r.Id).Order().ToList();
                Assert.Equal(expected, listed);
                // The request page (/requests/{id}/…) opens each, with an action of the party on offer.
                var decide = As<DecideRequest.Handler>();
                foreach (var id in listed)
                {
                    var view = await decide.LoadAsync(id, CancellationToken.None);
                    Assert.True(view is not null && view.Available.Any(a => a.Party == party), $"request {id}: listed for {party} but not actionable on its page");
                }
                if (userName is "vis.unit.b" && party == RequestParty.Unit || userName == "admin" && party == RequestParty.Federation)
                    Assert.NotEmpty(listed);
            }

            // 我的项目: the projects the researcher leads, each opening on 项目情况 (the same projects filter).
            var mine = (await As<ListMyProjects.Handler>().HandleAsync(new ListMyProjects.Query(all))).Rows.Select(r => r.ProjectCode).Order().ToList();
            var led = principal.IsInRole(Roles.Researcher)
                ? await db.FundedProjects.Where(p => p.LeaderUserId == account.Id).Select(p => p.Code).OrderBy(c => c).ToListAsync() : [];
            Assert.Equal(led, mine);
            var openable = await db.FundedProjects.Where(Visibility.Projects(user)).Select(p => p.Code).ToListAsync();
            Assert.All(mine, code => Assert.Contains(code, openable));

            // 待办: every row of every group opens for the user (the handler's View).
            var queue = As<GetWorkQueue.Handler>();
            foreach (var group in await queue.HandleAsync(new GetWorkQueue.Query()))
            {
                var rows = (await queue.HandleAsync(new GetWorkQueue.Query(group.Key, PageSize: ListRequest.MaxPageSize))).Single().Rows.Rows;
                var codes = rows.Where(r => r.Status is not null).Select(r => r.ProjectCode).ToList();
                var applications = await db.ClosureApplications.AsNoTracking().Where(a => codes.Contains(a.Project.Code))
                    .Include(a => a.Project).ThenInclude(p => p.Unit).Include(a => a.ExpertAssignments).ToListAsync();
                Assert.Equal(codes.Count, applications.Count);
                Assert.All(applications, a => Assert.True(ApplicationAuthorizationHandler.IsAllowed(principal, ApplicationOperations.View, a),
                    $"{group.Key}: {a.Project.Code} ({a.Status}) listed but not openable"));
            }
            return 0;
        });
    }

    /// <summary>The mixed programme, two accounts of the second test unit's unit and county, and requests in every
    /// state on projects of each test unit; once per class.</summary>
    private async Task SeedAsync()
    {
        await ProgrammeMix.SeedAsync(portal);
        await ReviewKit.CreateUserAsync(portal, "vis.unit.b", "通江测试审核人", Roles.UnitReviewer, ProgrammeMix.TestUnitB);
        await ReviewKit.CreateUserAsync(portal, "vis.county.tongjiang", "通江县社科联", Roles.CountyFederation, regionName: "通江县");
        await SeedRequestsAsync();
    }

    /// <summary>The account as the portal signs it in.</summary>
    private static async Task<(AppUser Account, ClaimsPrincipal Principal)> SignInAsync(IServiceProvider sp, string userName)
    {
        var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
        var account = (await signIn.UserManager.FindByNameAsync(userName))!;
        return (account, await signIn.CreateUserPrincipalAsync(account));
    }

    /// <summary>The use cases' view of <paramref name="principal"/>. Not async: the accessor's context lives in an
    /// AsyncLocal, which an async method would set only for itself.</summary>
    private static HttpCurrentUser CurrentUser(ClaimsPrincipal principal) =>
        new(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } });

    private Task SeedRequestsAsync() => portal.WithDbAsync(async db =>
    {
        if (await db.ProjectRequests.AnyAsync(r => r.Reason == "可见性测试")) return 0;
        var projects = await db.FundedProjects.Where(p => p.Unit.Name.StartsWith("测试")).OrderBy(p => p.Id).Take(24).ToListAsync();
        var states = Enum.GetValues<ProjectRequestStatus>();
        var requester = await db.Users.Where(u => u.UserName == "yangzhuo").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        for (var i = 0; i < projects.Count; i++)
        {
            var request = new ProjectRequest
            {
                Project = projects[i], Kind = ProjectRequestKind.Extension, RequestedByUserId = requester.Id, RequestedByName = requester.DisplayName,
                RequestedAt = DateTimeOffset.UnixEpoch.AddDays(i), Reason = "可见性测试", RequestedCompletion = projects[i].PlannedCompletion.AddMonths(6),
            };
            db.ProjectRequests.Add(request);
            db.Entry(request).Property(r => r.Status).CurrentValue = states[i % states.Length];
        }
        await db.SaveChangesAsync();
        return 0;
    });
}
