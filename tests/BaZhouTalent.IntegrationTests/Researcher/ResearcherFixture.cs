using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Seeding;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Researcher;

internal static class Researchers
{
    public const string Code = "BZ25YB027";
    public const string DemoPassword = "Bz2025demo";
    public const string OtherPassword = "Other2025x";

    public static async Task<Browser> SignInAsync(PortalFactory portal, string user = "yangzhuo", string password = DemoPassword)
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync(user, password);
        return browser;
    }

    /// <summary>Another researcher of the same unit, who leads nothing here.</summary>
    public static Task CreateOtherResearcherAsync(PortalFactory portal, string userName) =>
        portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(userName) is not null) return;
            var db = sp.GetRequiredService<AppDbContext>();
            var unit = await db.Units.FirstAsync(u => u.Name == "中共巴中市巴州区委党校");
            var user = new AppUser { UserName = userName, DisplayName = "王研究", UnitId = unit.Id };
            var created = await users.CreateAsync(user, OtherPassword);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, Roles.Researcher);
        });

    /// <summary>The reference application's report text, read from the seed copied beside the tests.</summary>
    public static string SeedReportText() => ReferenceSeedParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt"))).ReportText;

    public static Task<ClosureApplication> LoadAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.ClosureApplications
            .Include(a => a.Project).Include(a => a.Revisions).Include(a => a.History)
            .AsNoTracking().SingleAsync(a => a.Project.Code == Code));
}
