using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Application.Notices;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using AngleSharp.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Queues;

/// <summary>
/// The review queues and 待办事项 at some hundreds of records: each page holds one page of rows, paging, search, status
/// filter and sort return exactly the right rows, and what each account is offered is exactly what the authorization
/// handler lets it act on.
/// </summary>
public class QueueListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int PageSize = 20;

    [SkippableFact]
    public async Task The_federation_list_pages_searches_and_narrows_to_a_status_exactly()
    {
        await QueueMix.SeedAsync(portal);
        var all = await QueueMix.LoadAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var waiting = all.Select(x => x.Application)
            .Where(a => a.Status is ApplicationStatus.FederationIntake or ApplicationStatus.FederationReview).ToList();
        List<string> CodesOf(IEnumerable<ClosureApplication> applications) =>
            applications.Select(a => a.Project.Code).Order(StringComparer.Ordinal).ToList();

        var first = await admin.GetAsync("/Review/Federation?sort=code");
        var third = await admin.GetAsync("/Review/Federation?sort=code&p=3");
        Assert.Equal(CodesOf(waiting).Take(PageSize), Codes(first));
        Assert.Equal(CodesOf(waiting).Skip(2 * PageSize).Take(PageSize), Codes(third));
        Assert.Contains($"共 {waiting.Count} 条", first.Text);

        var intake = waiting.Where(a => a.Status == ApplicationStatus.FederationIntake).ToList();
        Assert.Contains($"受理并分配鉴定专家（{intake.Count}）", first.Text);
        Assert.Equal(CodesOf(intake), await AllCodesAsync(admin, "/Review/Federation?status=FederationIntake&sort=code"));

        var byLeader = waiting.Where(a => a.CurrentLeader.Name.Contains(QueueMix.SearchedLeader, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(byLeader);
        Assert.Equal(CodesOf(byLeader), await AllCodesAsync(admin, $"/Review/Federation?q={Uri.EscapeDataString(QueueMix.SearchedLeader)}&sort=code"));
        var combined = waiting.Where(a => a.Status == ApplicationStatus.FederationReview
            && a.Project.Title.Contains(QueueMix.SearchedTitle, StringComparison.Ordinal));
        Assert.Equal(CodesOf(combined),
            await AllCodesAsync(admin, $"/Review/Federation?q={Uri.EscapeDataString(QueueMix.SearchedTitle)}&status=FederationReview&sort=code"));
        Assert.NotEmpty(combined);
        // Sorted by 项目名称 (the queue reads its own copy of each title, along its index): the projects' titles' order.
        var byTitle = combined.OrderBy(a => a.Project.Title, StringComparer.Ordinal).ThenBy(a => a.Id).Select(a => a.Project.Code).ToList();
        Assert.Equal(byTitle,
            await AllCodesAsync(admin, $"/Review/Federation?q={Uri.EscapeDataString(QueueMix.SearchedTitle)}&status=FederationReview&sort=title"));

        // Newest submission first, by the sort link's own address.
        var newest = waiting.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id).Take(PageSize).Select(a => a.Project.Code);
        Assert.Equal(newest, Codes(await admin.GetAsync("/Review/Federation?sort=submitted&desc=true")));
    }

    public static TheoryData<string, string> Lists() => new()
    {
        { QueueMix.BulkReviewer, "/Review/Unit" },
        { "unit.bzdx", "/Review/Unit" },
        { "skl.bazhou", "/Review/County" },
        { "queue.county.tongjiang", "/Review/County" },
        { "expert.1", "/Review/Expert" },
        { "expert.2", "/Review/Expert" },
        { "admin", "/Review/Federation" },
    };

    [SkippableTheory]
    [MemberData(nameof(Lists))]
    public async Task Each_review_list_and_queue_offers_exactly_what_the_authorization_handler_lets_the_account_act_on(string userName, string list)
    {
        await QueueMix.SeedAsync(portal);
        var all = await QueueMix.LoadAsync(portal);
        var principal = await QueueMix.PrincipalAsync(portal, userName);
        var userId = await ReviewKit.UserIdAsync(portal, userName);
        bool May(ClosureApplication a, params Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement[] operations) =>
            operations.Any(o => ApplicationAuthorizationHandler.IsAllowed(principal, o, a));

        // The list: the role's stage; an expert's list keeps what they appraised until the chief has combined.
        var listed = all.Select(x => x.Application).Where(a => list switch
        {
            "/Review/Unit" => May(a, ApplicationOperations.For(ReviewTrigger.ApproveByUnit)),
            "/Review/County" => May(a, ApplicationOperations.For(ReviewTrigger.ApproveByCounty)),
            "/Review/Expert" => a.Status == ApplicationStatus.ExpertReview && May(a, ApplicationOperations.View)
                && a.ExpertAssignments.Any(e => e.ExpertUserId == userId && e.Round == a.Round),
            _ => May(a, ApplicationOperations.For(ReviewTrigger.AssignExperts), ApplicationOperations.Decide),
        }).Select(a => a.Project.Code).Order(StringComparer.Ordinal).ToList();
        // The queue: what they can act on now.
        var actionable = all.Select(x => x.Application).Where(a => May(a, ApplicationOperations.For(ReviewTrigger.ApproveByUnit), ApplicationOperations.For(ReviewTrigger.ApproveByCounty),
                ApplicationOperations.For(ReviewTrigger.Appraise), ApplicationOperations.For(ReviewTrigger.CompleteAppraisal), ApplicationOperations.For(ReviewTrigger.AssignExperts), ApplicationOperations.Decide))
            .Select(a => a.Project.Code).Order(StringComparer.Ordinal).ToList();

        var browser = await ReviewKit.SignInAsync(portal, userName);
        var firstPage = await browser.GetAsync($"{list}?sort=code");
        Assert.Equal(Math.Min(PageSize, listed.Count), Codes(firstPage).Count);
        Assert.Equal(listed, await AllCodesAsync(browser, $"{list}?sort=code"));

        var home = await browser.GetAsync("/");
        var queued = new List<string>();
        foreach (var group in Groups(home))
        {
            Assert.True(group.Rows.Count <= PageSize, $"{userName}: a group of {group.Rows.Count} rows on the home page");
            queued.AddRange(await AllCodesAsync(browser, $"/?group={group.Key}"));
        }
        Assert.Equal(actionable, queued.Order(StringComparer.Ordinal));
        if (userName is not ("unit.bzdx" or "expert.1"))
            Assert.NotEmpty(listed);
    }

    [SkippableFact]
    public async Task The_federation_queue_counts_its_groups_in_the_database_and_shows_one_page_of_each()
    {
        await QueueMix.SeedAsync(portal);
        var all = await QueueMix.LoadAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var home = await admin.GetAsync("/");
        // The in-memory rule per item; the queue runs it turned round as a database filter (StageDeadlines.OverdueCutoffs).
        using var scope = portal.Services.CreateScope();
        var deadlines = scope.ServiceProvider.GetRequiredService<StageDeadlines>();
        var now = DateTimeOffset.UtcNow;

        var waiting = all.Where(x => x.Application.Status is ApplicationStatus.FederationIntake or ApplicationStatus.FederationReview).ToList();
        bool Overdue((ClosureApplication Application, DateTimeOffset? Since) x) => deadlines.IsOverdue(x.Application.Status, x.Since, now);
        IEnumerable<string> Ordered(IEnumerable<(ClosureApplication Application, DateTimeOffset? Since)> rows) => rows
            .OrderBy(x => x.Since).ThenBy(x => x.Application.ProjectId)
            .Select(x => x.Application.Project.Code);
        var expected = new Dictionary<string, List<string>>
        {
            ["overdue-federation"] = Ordered(waiting.Where(Overdue)).ToList(),
            ["intake"] = Ordered(waiting.Where(x => !Overdue(x) && x.Application.Status == ApplicationStatus.FederationIntake)).ToList(),
            ["review"] = Ordered(waiting.Where(x => !Overdue(x) && x.Application.Status == ApplicationStatus.FederationReview)).ToList(),
        };

        var groups = Groups(home).ToDictionary(g => g.Key);
        Assert.Equal(["overdue-federation", "intake", "review"], Groups(home).Select(g => g.Key));
        Assert.Equal(GetWorkQueue.OverdueGroup, groups["overdue-federation"].Title);
        foreach (var (key, codes) in expected)
        {
            Assert.True(codes.Count > PageSize, $"{key}: the mix should fill more than a page");
            Assert.Equal(codes.Count, groups[key].Total);
            Assert.Equal(codes.Take(PageSize), groups[key].Rows);
            Assert.Equal(codes.Skip(PageSize).Take(PageSize), Codes(await admin.GetAsync($"/?group={key}&p=2")));
        }
    }

    private sealed record QueueGroup(string Key, string Title, int Total, List<string> Rows);

    /// <summary>The home page's groups: key (from the 查看全部 link or the only group's address), title, count, rows.</summary>
    private static List<QueueGroup> Groups(Browser.Page home) => home.Document.QuerySelectorAll("section.queue-group").Select(section =>
    {
        var title = section.QuerySelector("h2")!.ChildNodes[0].TextContent.Trim();
        var count = int.Parse(section.QuerySelector(".queue-count")!.TextContent.Trim('（', '）', ' ', '项'), System.Globalization.CultureInfo.InvariantCulture);
        var key = section.GetAttribute("data-group")!;
        return new QueueGroup(key, title, count, section.QuerySelectorAll("td.project-code").Select(td => td.TextContent.Trim()).ToList());
    }).ToList();

    /// <summary>Every row's code of a list, page after page, by its own pager.</summary>
    private static async Task<List<string>> AllCodesAsync(Browser browser, string url)
    {
        var codes = new List<string>();
        for (var page = 1; page < 100; page++)
        {
            var answer = await browser.GetAsync($"{url}&p={page}");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var rows = Codes(answer);
            Assert.True(rows.Count <= PageSize);
            codes.AddRange(rows);
            if (answer.Document.QuerySelector($"nav.list-pager a[aria-label='第 {page + 1} 页']") is null)
                break;
        }
        return codes;
    }

    private static List<string> Codes(Browser.Page page) =>
        page.Document.QuerySelectorAll("tbody td.project-code").Select(td => td.TextContent.Trim()).ToList();
}
