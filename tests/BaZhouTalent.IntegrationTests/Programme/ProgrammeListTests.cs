using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>结项管理 through the real pages: every filter, search, paging, sorting, the export, and what each role may list.</summary>
public class ProgrammeListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<(Browser Admin, List<FundedProject> All)> ArrangeAsync()
    {
        await ProgrammeMix.SeedAsync(portal);
        return (await ReviewKit.SignInAsync(portal, "admin"), await ProgrammeMix.LoadAllAsync(portal));
    }

    /// <summary>The filter cases: a query string and the rows it must give, decided in memory from the entities.</summary>
    private static (string Query, Func<FundedProject, bool> Expected) Case(string name, List<FundedProject> all)
    {
        var tongjiang = all.First(p => p.Unit.Region.Name == "通江县").Unit.RegionId;
        var bazhou = all.First(p => p.Unit.Region.Name == "巴州区").Unit.RegionId;
        var youth = all.First(p => p.Category.Code == "QN").CategoryId;
        return name switch
        {
            "none" => ("", _ => true),
            "year" => ("year=2024", p => p.Year == 2024),
            "status" => ("status=Concluded", p => p.Application?.Status == ApplicationStatus.Concluded),
            "not-started" => ("status=NotStarted", p => p.Application is null),
            "region" => ($"region={tongjiang}", p => p.Unit.RegionId == tongjiang),
            "category" => ($"category={youth}", p => p.CategoryId == youth),
            "grade" => ("grade=Good", p => ProgrammeMix.GradeOf(p) == AppraisalGrade.Good),
            "overdue" => ("overdue=true", p => ProgrammeMix.IsOverdue(p, Today)),
            "search-leader" => ("q=欧阳", p => p.OriginalLeader.Name.Contains("欧阳", StringComparison.Ordinal)),
            "search-title" => ("q=红色文化", p => p.Title.Contains("红色文化", StringComparison.Ordinal)),
            "search-code" => ("q=BZ23", p => p.Code.Contains("BZ23", StringComparison.Ordinal)),
            "search-unit" => ("q=通江县人民医院", p => p.Unit.Name.Contains("通江县人民医院", StringComparison.Ordinal)),
            "combination" => ($"year=2022&region={bazhou}&status=NotStarted&q=研究",
                p => p.Year == 2022 && p.Unit.RegionId == bazhou && p.Application is null && p.Title.Contains("研究", StringComparison.Ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [SkippableTheory]
    [InlineData("none")]
    [InlineData("year")]
    [InlineData("status")]
    [InlineData("not-started")]
    [InlineData("region")]
    [InlineData("category")]
    [InlineData("grade")]
    [InlineData("overdue")]
    [InlineData("search-leader")]
    [InlineData("search-title")]
    [InlineData("search-code")]
    [InlineData("search-unit")]
    [InlineData("combination")]
    public async Task Each_filter_gives_exactly_the_matching_projects_over_all_pages(string name)
    {
        var (admin, all) = await ArrangeAsync();
        var (query, expected) = Case(name, all);

        var listed = await AllPagesAsync(admin, $"/Programme?sort=code&{query}");

        var wanted = all.Where(expected).Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted, listed);
    }

    [SkippableFact]
    public async Task Pages_hold_twenty_rows_in_order_and_a_page_past_the_end_shows_the_last()
    {
        var (admin, all) = await ArrangeAsync();
        var ordered = all.Select(p => p.Code).Order(StringComparer.Ordinal).ToList();

        var second = await admin.GetAsync("/Programme?sort=code&p=2");
        var descending = await admin.GetAsync("/Programme?sort=code&desc=true");
        var beyond = await admin.GetAsync("/Programme?sort=code&p=999");

        Assert.Equal(ordered.Skip(20).Take(20), Codes(second));
        Assert.Equal(ordered.AsEnumerable().Reverse().Take(20), Codes(descending));
        var lastPage = (ordered.Count - 1) / 20;
        Assert.Equal(ordered.Skip(lastPage * 20), Codes(beyond));
        Assert.Contains($"共 {ordered.Count} 条", second.Text);
    }

    [SkippableFact]
    public async Task A_termination_is_counted_at_once_though_the_count_is_kept()
    {
        var (admin, _) = await ArrangeAsync();
        var terminated = await admin.GetAsync("/Programme?status=Terminated");
        var before = int.Parse(System.Text.RegularExpressions.Regex.Match(terminated.Text, @"共 (\d+) 条").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

        await Projects.LifecycleKit.AddProjectAsync(portal, "BZ25YB872", new DateOnly(2026, 12, 31), withDraft: false);
        await Projects.TerminationTests.TerminateOkAsync(admin, "BZ25YB872");

        var after = await admin.GetAsync("/Programme?status=Terminated");
        Assert.Contains($"共 {before + 1} 条", after.Text);
        Assert.Contains("BZ25YB872", Codes(after));
    }

    [SkippableFact]
    public async Task A_new_years_project_is_offered_in_the_year_filter_at_once_though_the_choices_are_kept()
    {
        var (admin, _) = await ArrangeAsync();
        static List<string> Years(Browser.Page page) =>
            page.Document.QuerySelectorAll("select[name=year] option").Select(o => o.GetAttribute("value") ?? "").ToList();
        Assert.DoesNotContain("2031", Years(await admin.GetAsync("/Programme")));

        await portal.WithDbAsync(async db =>
        {
            var template = await db.FundedProjects.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
            db.FundedProjects.Add(new FundedProject
            {
                Code = "BZ31YB001", Title = "新年度项目", Year = 2031, CategoryId = template.CategoryId, UnitId = template.UnitId,
                PlannedOutputForm = "研究报告", PlannedCompletion = new DateOnly(2032, 12, 31),
                OriginalLeader = new PersonDetails { Name = "新负责人" },
            });
            return await db.SaveChangesAsync();
        });

        var after = await admin.GetAsync("/Programme");
        Assert.Equal("2031", Years(after).Skip(1).First());
        Assert.Contains("BZ31YB001", Codes(await admin.GetAsync("/Programme?year=2031")));
    }

    [SkippableFact]
    public async Task The_default_order_is_newest_year_first_and_every_link_keeps_the_filters()
    {
        var (admin, all) = await ArrangeAsync();

        var page = await admin.GetAsync("/Programme?year=2024&q=研究");

        var years = Codes(page).Select(code => all.Single(p => p.Code == code).Year).ToList();
        Assert.All(years, y => Assert.Equal(2024, y));
        var unfiltered = await admin.GetAsync("/Programme");
        var firstYears = Codes(unfiltered).Select(code => all.Single(p => p.Code == code).Year).ToList();
        Assert.Equal(firstYears.OrderDescending(), firstYears);
        var sortLinks = page.Document.QuerySelectorAll("th a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(sortLinks);
        Assert.All(sortLinks, href => Assert.Contains("year=2024", href));
    }

    [SkippableFact]
    public async Task The_export_holds_exactly_the_filtered_list_with_chinese_headers()
    {
        var (admin, all) = await ArrangeAsync();

        var response = await admin.Client.GetAsync("/Programme?handler=Export&year=2024&sort=code");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        await using var content = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = content.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var listed = await AllPagesAsync(admin, "/Programme?year=2024&sort=code");
        Assert.Equal(listed, rows.Select(r => r["立项编号"].ToString()!).ToList());
        Assert.Equal(all.Count(p => p.Year == 2024), rows.Count);
        var concluded = all.First(p => p.Year == 2024 && p.Application?.Status == ApplicationStatus.Concluded);
        var exported = rows.Single(r => (string)r["立项编号"] == concluded.Code);
        Assert.Equal(concluded.Application!.CertificateNumber, exported["结项证书编号"]);
        Assert.Equal("已结项", exported["结项状态"]);
        Assert.Equal(Application.Review.ReviewText.GradeName(ProgrammeMix.GradeOf(concluded)), exported["鉴定等级"]);
    }

    [SkippableFact]
    public async Task A_unit_reviewer_lists_only_its_unit_and_links_only_what_it_may_open()
    {
        await ProgrammeMix.SeedAsync(portal);
        await ReviewKit.CreateUserAsync(portal, "mix.unit.a", "测试单位审核人", Roles.UnitReviewer, ProgrammeMix.TestUnitA);
        var all = await ProgrammeMix.LoadAllAsync(portal);
        var reviewer = await ReviewKit.SignInAsync(portal, "mix.unit.a");

        var listed = await AllPagesAsync(reviewer, "/Programme?sort=code");

        var own = all.Where(p => p.Unit.Name == ProgrammeMix.TestUnitA).ToList();
        Assert.Equal(own.Select(p => p.Code).Order(StringComparer.Ordinal), listed);
        var first = await reviewer.GetAsync("/Programme?sort=code");
        var linked = first.Document.QuerySelectorAll("td.project-code a").Select(a => a.TextContent.Trim()).ToList();
        var openable = own.Where(p => p.Application is { } a && (a.SubmittedAt != null || a.Status is not (ApplicationStatus.Draft or ApplicationStatus.Returned)))
            .Select(p => p.Code).ToHashSet();
        Assert.NotEmpty(linked);
        Assert.All(linked, code => Assert.Contains(code, openable));
        Assert.Equal(openable.Intersect(Codes(first)).Order(StringComparer.Ordinal), linked.Order(StringComparer.Ordinal));
        foreach (var code in linked.Take(3))
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/applications/{code}")).Status);
    }

    [SkippableFact]
    public async Task A_county_lists_its_county_and_researchers_and_experts_are_refused()
    {
        var (_, all) = await ArrangeAsync();
        var county = await ReviewKit.SignInAsync(portal, "skl.bazhou");
        var expert = await ReviewKit.SignInAsync(portal, "expert.1");
        var researcher = await ReviewKit.SignInAsync(portal, "yangzhuo");

        var listed = await AllPagesAsync(county, "/Programme?sort=code");

        Assert.Equal(all.Where(p => p.Unit.Region.Name == "巴州区").Select(p => p.Code).Order(StringComparer.Ordinal), listed);
        Assert.True((await expert.GetAsync("/Programme")).IsRefused);
        Assert.True((await researcher.GetAsync("/Programme")).IsRefused);
        Assert.True((await expert.GetAsync("/Admin/Dashboard")).IsRefused);
        Assert.True((await county.GetAsync("/Admin/Dashboard")).IsRefused);
    }

    [SkippableFact]
    public async Task A_reassigned_reviewer_sees_the_new_unit_at_once_in_lists_and_pages_alike()
    {
        await ProgrammeMix.SeedAsync(portal);
        await ReviewKit.CreateUserAsync(portal, "mix.unit.move", "调动的审核人", Roles.UnitReviewer, ProgrammeMix.TestUnitA);
        var all = await ProgrammeMix.LoadAllAsync(portal);
        var reviewer = await ReviewKit.SignInAsync(portal, "mix.unit.move");
        var submitted = all.Where(p => p.Application is { SubmittedAt: not null }).ToList();
        var oldUnitCode = submitted.First(p => p.Unit.Name == ProgrammeMix.TestUnitA).Code;
        var newUnitCode = submitted.First(p => p.Unit.Name == ProgrammeMix.TestUnitB).Code;
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/applications/{oldUnitCode}")).Status);

        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "mix.unit.move");
            user.UnitId = (await db.Units.SingleAsync(u => u.Name == ProgrammeMix.TestUnitB)).Id;
            return await db.SaveChangesAsync();
        });

        var listed = await AllPagesAsync(reviewer, "/Programme?sort=code");
        Assert.Equal(all.Where(p => p.Unit.Name == ProgrammeMix.TestUnitB).Select(p => p.Code).Order(StringComparer.Ordinal), listed);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/applications/{newUnitCode}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/applications/{oldUnitCode}")).Status);
    }

    internal static List<string> Codes(Browser.Page page) =>
        page.Document.QuerySelectorAll("tbody td.project-code").Select(td => td.TextContent.Trim()).ToList();

    /// <summary>Follows the pages of a list from the first to the last, as a reader clicking 下一页 would.</summary>
    internal static async Task<List<string>> AllPagesAsync(Browser browser, string url)
    {
        var codes = new List<string>();
        for (var number = 1; number < 100; number++)
        {
            var page = await browser.GetAsync($"{url}&p={number}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            codes.AddRange(Codes(page));
            if (page.Document.QuerySelector("nav.list-pager li.page-item:last-child.disabled") is not null
                || page.Document.QuerySelector("nav.list-pager ul") is null)
                return codes;
        }
        throw new InvalidOperationException("More than 100 pages.");
    }
}
