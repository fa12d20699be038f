using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Seeding;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.Typesetting.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class SeedingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Reference_data_is_seeded()
    {
        var (regions, categories) = await portal.WithDbAsync(async db => (
            await db.Regions.OrderBy(r => r.SortOrder).Select(r => r.Name).ToListAsync(),
            await db.ProjectCategories.Select(c => c.Name).ToListAsync()));

        Assert.Equal(["巴州区", "恩阳区", "通江县", "南江县", "平昌县", "市本级"], regions);
        Assert.Contains("一般课题", categories);
        Assert.Contains("重点课题", categories);
    }

    [Fact]
    public async Task Demo_accounts_have_their_roles_units_and_region()
    {
        var accounts = await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var db = sp.GetRequiredService<AppDbContext>();
            var all = await db.Users.Include(u => u.Unit).Include(u => u.Region).ToListAsync();
            var result = new Dictionary<string, (string Role, string? Unit, string? Region)>();
            foreach (var user in all)
                result[user.UserName!] = ((await users.GetRolesAsync(user)).Single(), user.Unit?.Name, user.Region?.Name);
            return result;
        });

        Assert.Equal((Roles.MunicipalFederation, null, null), accounts["admin"]);
        Assert.Equal((Roles.Researcher, "中共巴中市巴州区委党校", null), accounts["yangzhuo"]);
        Assert.Equal((Roles.UnitReviewer, "中共巴中市巴州区委党校", null), accounts["unit.bzdx"]);
        Assert.Equal((Roles.CountyFederation, null, "巴州区"), accounts["skl.bazhou"]);
        foreach (var expert in new[] { "expert.1", "expert.2", "expert.3" })
        {
            Assert.Equal(Roles.Expert, accounts[expert].Role);
            Assert.NotEqual("中共巴中市巴州区委党校", accounts[expert].Unit);
        }
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        var before = await SnapshotAsync();

        await portal.WithScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        await portal.WithScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Reference_project_is_registered_exactly_as_the_seed_reads()
    {
        var project = await portal.WithDbAsync(db => db.FundedProjects
            .Include(p => p.Category).Include(p => p.Unit).ThenInclude(u => u.Region)
            .SingleAsync(p => p.Code == "BZ25YB027"));

        Assert.Equal("一般课题", project.Category.Name);
        Assert.Equal("巴中市巴州区加快建设人才创新集聚地研究", project.Title);
        Assert.Equal(2025, project.Year);
        Assert.Equal("中共巴中市巴州区委党校", project.Unit.Name);
        Assert.Equal("巴州区", project.Unit.Region.Name);
        Assert.Equal("论文 1 篇", project.PlannedOutputForm);
        Assert.Equal(new DateOnly(2025, 10, 1), project.PlannedCompletion);
        var leader = project.OriginalLeader;
        Assert.Equal(("杨卓", "男", "汉", 1985, 7), (leader.Name, leader.Gender, leader.Ethnicity, leader.BirthYear!.Value, leader.BirthMonth!.Value));
        Assert.Equal(("中共巴中市巴州区委党校", "常务副校长", ""), (leader.Unit, leader.AdministrativePost, leader.ProfessionalTitle));
        Assert.Equal(("巴中市恩阳区黄石路 8 号", "15282706916"), (leader.Address, leader.Phone));
        Assert.Equal(
            [("唐华林", "中共巴中市巴州区委党校", "干部", "19983661986"), ("李亚军", "中共巴中市巴州区委组织部", "股长", "18729767393")],
            project.OriginalParticipants.OrderBy(p => p.SortOrder).Select(p => (p.Name, p.Unit, p.Title, p.Phone)));
        var leaderAccount = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == project.LeaderUserId));
        Assert.Equal("yangzhuo", leaderAccount.UserName);
    }

    [Fact]
    public async Task Reference_project_has_a_draft_application_holding_the_seed_report()
    {
        var application = await portal.WithDbAsync(db => db.ClosureApplications
            .SingleAsync(a => a.Project.Code == "BZ25YB027"));

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(new DateOnly(2025, 10, 16), application.FillDate);
        Assert.Equal(new DateOnly(2025, 10, 1), application.ActualCompletion);
        Assert.Equal("论文 1 篇", application.CurrentOutputForm);
        Assert.False(application.Sensitive);
        Assert.Null(application.Classified); // the paper marks both boxes: the researcher must choose
        Assert.Equal("杨卓", application.CurrentLeader.Name);
        Assert.Equal(["唐华林", "李亚军"], application.CurrentParticipants.OrderBy(p => p.SortOrder).Select(p => p.Name));

        var report = ReportMarkup.Parse(application.ReportText);
        Assert.Equal((ParagraphRole.Title, "巴中市巴州区加快建设人才创新集聚地研究"), (report[0].Role, report[0].Text));
        Assert.Equal(ParagraphRole.Abstract, report[1].Role);
        Assert.StartsWith("摘要：本文深入研究了巴州区加快建设人才创新集聚地的战略意义", report[1].Text);
        Assert.Equal("关键词：人才；创新；集聚地", report[2].Text);
        Assert.Equal(ParagraphRole.Keywords, report[2].Role);
        Assert.Equal(SeedReport.Paragraphs(), report.Select(p => p.Text));
    }

    private Task<string> SnapshotAsync() => portal.WithDbAsync(async db => string.Join("|",
        await db.Regions.CountAsync(), await db.ProjectCategories.CountAsync(), await db.Units.CountAsync(),
        await db.Users.CountAsync(), await db.Roles.CountAsync(), await db.UserRoles.CountAsync(),
        await db.FundedProjects.CountAsync(), await db.ClosureApplications.CountAsync(),
        string.Join(",", await db.ClosureApplications.Select(a => a.ConcurrencyStamp).ToListAsync()),
        string.Join(",", await db.Users.OrderBy(u => u.UserName).Select(u => u.PasswordHash).ToListAsync())));
}
