using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>总览: every figure on the page equals a count made directly from the database's rows.</summary>
public class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(2023)]
    [InlineData(2025)]
    public async Task The_figures_equal_direct_counts(int year)
    {
        await ProgrammeMix.SeedAsync(portal);
        var projects = (await ProgrammeMix.LoadAllAsync(portal)).Where(p => p.Year == year).ToList();
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        var page = await admin.GetAsync($"/Admin/Dashboard?year={year}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Counted(projects.GroupBy(p => ProjectStatus.ToChinese(p.Application?.Status))), Figures(page, "status"));
        Assert.Equal(Counted(projects.GroupBy(p => p.Unit.Region.Name)), Figures(page, "region"));
        Assert.Equal(Counted(projects.GroupBy(p => p.Category.Name)), Figures(page, "category"));
        var graded = projects.Where(p => p.Application?.Status == ApplicationStatus.Concluded && ProgrammeMix.GradeOf(p) is not null);
        Assert.Equal(Counted(graded.GroupBy(p => Application.Review.ReviewText.GradeName(ProgrammeMix.GradeOf(p)))), Figures(page, "grade"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Assert.Contains($"立项 {projects.Count} 项；逾期未结项 {projects.Count(p => ProgrammeMix.IsOverdue(p, today))} 项", page.Text);
        Assert.NotNull(page.Document.QuerySelector("script[src*='lib/echarts/echarts']"));
    }

    [Fact]
    public async Task Each_stage_lists_the_applications_waiting_there_oldest_first()
    {
        await ProgrammeMix.SeedAsync(portal);
        var projects = (await ProgrammeMix.LoadAllAsync(portal)).Where(p => p.Year == 2024).ToList();
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        var page = await admin.GetAsync("/Admin/Dashboard?year=2024");

        var section = page.Document.QuerySelector("section[aria-label='单位审核']")!;
        var listed = section.QuerySelectorAll("td.project-code").Select(td => td.TextContent.Trim()).ToList();
        var expected = projects.Where(p => p.Application?.Status == ApplicationStatus.UnitReview)
            .OrderBy(p => p.Application!.SubmittedAt).ThenBy(p => p.Id).Take(5).Select(p => p.Code).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task A_change_saved_here_shows_at_once_though_the_figures_are_cached()
    {
        await ProgrammeMix.SeedAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var before = await admin.GetAsync("/Admin/Dashboard?year=2025");
        Assert.Contains("统计时间", before.Text);
        var terminatedBefore = Figures(before, "status").GetValueOrDefault("已终止");

        await Projects.LifecycleKit.AddProjectAsync(portal, "BZ25YB871", new DateOnly(2026, 12, 31), withDraft: false);
        await Projects.TerminationTests.TerminateOkAsync(admin, "BZ25YB871");

        var after = await admin.GetAsync("/Admin/Dashboard?year=2025");
        Assert.Equal(terminatedBefore + 1, Figures(after, "status")["已终止"]);
    }

    private static Dictionary<string, int> Counted(IEnumerable<IGrouping<string, FundedProject>> groups) =>
        groups.ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> Figures(Browser.Page page, string table) =>
        page.Document.QuerySelectorAll($"#table-{table} tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(),
            tr => int.Parse(tr.QuerySelector("td")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
}
