using BaZhouTalent.Application.Domain;
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
/// The lists' query-level visibility and the authorization handler's View rule are two forms of one rule: for every
/// application of a mixed programme and every kind of account, the query returns exactly what the handler allows.
/// </summary>
public class VisibilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableTheory]
    [InlineData("admin")]
    [InlineData("yangzhuo")]
    [InlineData("unit.bzdx")]
    [InlineData("skl.bazhou")]
    [InlineData("expert.1")]
    [InlineData("expert.2")]
    [InlineData("vis.unit.b")]
    [InlineData("vis.county.tongjiang")]
    public async Task The_list_query_shows_exactly_what_the_authorization_handler_lets_open(string userName)
    {
        await ProgrammeMix.SeedAsync(portal);
        await ReviewKit.CreateUserAsync(portal, "vis.unit.b", "通江测试审核人", Roles.UnitReviewer, ProgrammeMix.TestUnitB);
        await ReviewKit.CreateUserAsync(portal, "vis.county.tongjiang", "通江县社科联", Roles.CountyFederation, regionName: "通江县");

        var (queried, allowed) = await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync(userName))!);
            var user = new HttpCurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } });
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
}
