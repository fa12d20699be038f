using System.Data.Common;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// The lists' search by index (docs/adr/0007): 结项管理 and 项目登记 find exactly the rows the scan over their columns
/// finds, for every kind of term; the index is there, kept current on every save, and the query reads it.
/// </summary>
public abstract class SearchIndexTestsBase(PortalFactory portal)
{
    protected PortalFactory Portal => portal;

    /// <summary>A name of two characters, as many Chinese names are: too short for a trigram.</summary>
    protected const string RareName = "杨卓";

    protected async Task<Browser> ArrangeAsync()
    {
        await ProgrammeMix.SeedAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            if (await db.FundedProjects.AnyAsync(p => p.Code == "BZ26QN999")) return 0;
            db.FundedProjects.Add(new FundedProject
            {
                Code = "BZ26QN999", Title = "川东北数字乡村调查", Year = 2026, PlannedOutputForm = "研究报告 1 篇",
                PlannedCompletion = new DateOnly(2027, 6, 30), OriginalLeader = new PersonDetails { Name = RareName },
                CategoryId = (await db.ProjectCategories.FirstAsync()).Id,
                UnitId = (await db.Units.FirstAsync(u => u.Name == ProgrammeMix.TestUnitB)).Id,
            });
            return await db.SaveChangesAsync();
        });
        return await ReviewKit.SignInAsync(portal, "admin");
    }

    /// <summary>The codes the search found before the index: every project whose columns contain the term, by scanning.</summary>
    protected Task<List<string>> ScannedAsync(string term, bool currentLeader = true) => portal.WithDbAsync(db =>
        db.FundedProjects.Where(p => p.Code.ToLower().Contains(term) || p.Title.ToLower().Contains(term)
                || p.OriginalLeader.Name.ToLower().Contains(term) || p.Unit.Name.ToLower().Contains(term)
                || (currentLeader && p.Application != null && p.Application.CurrentLeader.Name.ToLower().Contains(term)))
            .Select(p => p.Code).ToListAsync());

    [SkippableTheory]
    [InlineData(RareName, true)]        // rare, two characters
    [InlineData("负责人07", true)]       // rare, Chinese and digits
    [InlineData("数字乡村调查", true)]    // rare, six characters
    [InlineData("欧阳清", true)]         // common, three characters
    [InlineData("欧阳", true)]           // common, two characters
    [InlineData("欧", true)]             // one character
    [InlineData("红色文化", true)]        // common title words
    [InlineData("通江县人民", true)]      // a unit
    [InlineData("bz23", true)]          // Latin, lower case
    [InlineData("BZ23", true)]          // Latin, upper case (the search form lowers A–Z)
    [InlineData("801", true)]           // digits, three
    [InlineData("8", true)]             // a digit
    [InlineData("研究之1", true)]
    [InlineData("没有这样的项目", false)]  // three characters or more, nothing
    [InlineData("无有", false)]           // two characters, nothing
    public async Task Every_kind_of_term_lists_exactly_the_rows_the_scan_finds(string term, bool found)
    {
        var admin = await ArrangeAsync();
        var form = new ListRequest(Search: term).Term!;

        var closures = await ProgrammeListTests.AllPagesAsync(admin, "/Programme?sort=code&q=" + Uri.EscapeDataString(term));
        var register = await ProgrammeListTests.AllPagesAsync(admin, "/Admin/Projects?sort=code&q=" + Uri.EscapeDataString(term));

        var scanned = (await ScannedAsync(form)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(found, scanned.Count > 0);
        Assert.Equal(scanned, closures);
        Assert.Equal((await ScannedAsync(form, currentLeader: false)).Order(StringComparer.Ordinal), register);
    }

    [SkippableTheory]
    [InlineData("欧阳卓")]            // a rare name, three characters: the trigram index
    [InlineData("司马相如审核")]       // in the detail, longer
    [InlineData("10.9.8")]           // a client address
    [InlineData("结项申请")]           // common
    [InlineData("欧阳")]              // two characters: no trigram, the plain comparison
    [InlineData("BZ26QN")]           // upper-case Latin: the search form lowers it (bz26qn), then compared case-sensitively
    [InlineData("没有这样的记录")]      // nothing
    public async Task The_security_logs_search_lists_exactly_the_records_the_scan_finds(string term)
    {
        var admin = await ArrangeAsync();
        await portal.WithDbAsync(async db =>
        {
            if (await db.SecurityEvents.AnyAsync(e => e.AccountName == "欧阳卓")) return 0;
            for (var i = 0; i < 6; i++)
            {
                db.SecurityEvents.Add(new SecurityEvent
                {
                    // A placeholder key: the context's save gives every new record its place in the chain.
                    Sequence = -(i + 1), At = DateTimeOffset.UtcNow.AddMinutes(-i), Kind = "ApplicationSubmitted", Outcome = "Succeeded",
                    Account = $"user{i}", AccountName = i % 2 == 0 ? "欧阳卓" : "司马迁", ClientAddress = $"10.9.8.{i}",
                    Target = $"结项申请 bz26qn{i:000}", Detail = i % 3 == 0 ? "司马相如审核通过" : "提交",
                });
            }
            return await db.SaveChangesAsync();
        });
        var form = new ListRequest(Search: term).Term!;
        var scanned = await portal.WithDbAsync(async db => (await db.SecurityEvents.Select(e => new { e.Sequence, e.Target, e.Detail, e.AccountName, e.ClientAddress }).ToListAsync())
            .Where(e => e.Target.Contains(form, StringComparison.Ordinal) || e.Detail.Contains(form, StringComparison.Ordinal)
                || e.AccountName.Contains(form, StringComparison.Ordinal) || e.ClientAddress.Contains(form, StringComparison.Ordinal))
            .Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList());

        var listed = new List<string>();
        for (var number = 1; number < 20; number++)
        {
            var page = await admin.GetAsync($"/Admin/Audit?q={Uri.EscapeDataString(term)}&p={number}");
            listed.AddRange(page.Document.QuerySelectorAll("tbody tr[data-sequence]").Select(r => r.GetAttribute("data-sequence")!));
            if (page.Document.QuerySelector("nav.list-pager li.page-item:last-child.disabled") is not null || page.Document.QuerySelector("nav.list-pager ul") is null)
                break;
        }
        Assert.Equal(scanned, listed.Order(StringComparer.Ordinal));
        Assert.Equal(term != "没有这样的记录", scanned.Count > 0);
    }

    [SkippableFact]
    public async Task An_edited_title_and_leader_are_found_by_their_new_words_at_once_and_not_by_the_old()
    {
        var admin = await ArrangeAsync();
        await portal.WithDbAsync(async db =>
        {
            var project = await db.FundedProjects.SingleAsync(p => p.Code == "BZ26QN999");
            project.Title = "嘉陵江航运史料整理";
            var application = await db.ClosureApplications.Include(a => a.Project).FirstAsync(a => a.Project.Code != "BZ26QN999");
            application.CurrentLeader.Name = "司马相如";
            return await db.SaveChangesAsync();
        });
        var changed = await portal.WithDbAsync(db => db.ClosureApplications.Where(a => a.CurrentLeader.Name == "司马相如").Select(a => a.Project.Code).SingleAsync());

        Assert.Equal(["BZ26QN999"], await ProgrammeListTests.AllPagesAsync(admin, "/Programme?q=" + Uri.EscapeDataString("航运史料")));
        Assert.Empty(await ProgrammeListTests.AllPagesAsync(admin, "/Programme?q=" + Uri.EscapeDataString("数字乡村调查")));
        Assert.Equal([changed], await ProgrammeListTests.AllPagesAsync(admin, "/Programme?q=" + Uri.EscapeDataString("司马相如")));
    }

    [SkippableFact]
    public async Task A_search_of_three_characters_or_more_reads_the_trigram_index_not_every_project()
    {
        await ArrangeAsync();
        var plan = await PlanAsync("数字乡村调查");
        if (portal.Provider == DatabaseProvider.PostgreSql)
        {
            // pg_trgm's GIN indexes, one per searched column (the planner may take the sequential scan on a test's few rows: it is off here).
            Assert.Contains(plan, s => s.Contains("Bitmap Index Scan on \"IX_FundedProjects_Title_trgm\"", StringComparison.Ordinal));
            Assert.Contains(plan, s => s.Contains("Bitmap Index Scan on \"IX_FundedProjects_OriginalLeader_Name_trgm\"", StringComparison.Ordinal));
            Assert.Equal(SearchIndexes.PostgreSqlColumns.Select(c => $"IX_{c.Table}_{c.Column}_trgm").Order(StringComparer.Ordinal),
                await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
                    "SELECT indexname AS \"Value\" FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname COLLATE \"C\"").ToListAsync()));
            // Chinese characters are letters to pg_trgm in this database (a UTF-8 LC_CTYPE): the term yields trigrams.
            // Four inner trigrams, two padded at the start and one at the end; none under a "C" LC_CTYPE.
            Assert.Equal(7, await portal.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT cardinality(show_trgm('数字乡村调查')) AS \"Value\"").SingleAsync()));
            return;
        }
        Assert.Contains(plan, s => s.StartsWith("SCAN FundedProjectsSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.Contains(plan, s => s.StartsWith("SCAN ClosureApplicationsSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        AssertNoProjectOrApplicationIsScanned(plan);
    }

    protected static async Task<List<string>> SearchedCodesAsync(IServiceProvider services, string term)
    {
        var db = services.GetRequiredService<AppDbContext>();
        return await db.FundedProjects.Matching(db, services.GetRequiredService<ITextSearch>(), term).Select(p => p.Code).ToListAsync();
    }

    /// <summary>The plan of a search page as the lists read it: newest year first, twenty rows.</summary>
    protected Task<List<string>> PlanAsync(string term) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var page = db.FundedProjects.Matching(db, sp.GetRequiredService<ITextSearch>(), term)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Id).Take(20).Select(p => new { p.Code, p.Title, Unit = p.Unit.Name });
        return await QueryPlans.ExplainAsync(db, page);
    });

    /// <summary>No step reads the projects (EF's aliases f…) or the applications (c…) through the whole table.</summary>
    protected static void AssertNoProjectOrApplicationIsScanned(List<string> plan) =>
        Assert.DoesNotContain(plan, s => System.Text.RegularExpressions.Regex.IsMatch(s, "^SCAN ([fc]\\d*|FundedProjects|ClosureApplications)$"));
}

/// <summary>The search index on SQLite: FTS5 trigram tables, and the narrow indexes for terms of one or two characters.</summary>
public sealed class SearchIndexTests(PortalFactory portal) : SearchIndexTestsBase(portal), IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_search_of_one_or_two_characters_reads_the_narrow_indexes_of_the_searched_columns()
    {
        await ArrangeAsync();
        var plan = await PlanAsync(RareName);
        Assert.Contains(plan, s => s.Contains("USING COVERING INDEX IX_FundedProjects_OriginalLeader_Name", StringComparison.Ordinal));
        Assert.Contains(plan, s => s.Contains("USING COVERING INDEX IX_ClosureApplications_CurrentLeader_Name", StringComparison.Ordinal));
        AssertNoProjectOrApplicationIsScanned(plan);
    }

    [Fact]
    public async Task The_security_logs_search_of_three_characters_or_more_reads_its_trigram_index_not_the_whole_log()
    {
        await ArrangeAsync();
        var plan = await Portal.WithScopeAsync(async sp =>
        {
            var handler = sp.GetRequiredService<BaZhouTalent.Application.Audit.ListSecurityEvents.Handler>();
            var db = sp.GetRequiredService<AppDbContext>();
            var query = handler.Filtered(new BaZhouTalent.Application.Audit.ListSecurityEvents.Filter(Term: "欧阳卓"));
            return await QueryPlans.ExplainAsync(db, query);
        });
        Assert.Contains(plan, s => s.StartsWith("SCAN SecurityEventsSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => System.Text.RegularExpressions.Regex.IsMatch(s, "^SCAN (s\\d*|SecurityEvents)( |$)"));
    }

    [Fact]
    public async Task Rows_written_before_the_index_existed_are_indexed_when_it_is_made()
    {
        await ArrangeAsync();
        // A database of an earlier version: no search table, no triggers, and a project saved since.
        await Portal.WithDbAsync(async db =>
        {
            foreach (var (index, _, _) in new[] { ("FundedProjectsSearch", 0, 0), ("ClosureApplicationsSearch", 0, 0) })
                foreach (var statement in new[] { $"DROP TRIGGER \"{index}_Insert\"", $"DROP TRIGGER \"{index}_Update\"", $"DROP TRIGGER \"{index}_Delete\"", $"DROP TABLE \"{index}\"" })
                    await db.Database.ExecuteSqlRawAsync(statement);
            var project = await db.FundedProjects.SingleAsync(p => p.Code == "BZ26QN999");
            project.Title = "米仓山古道考察报告";
            return await db.SaveChangesAsync();
        });
        await Portal.WithDbAsync(async db =>
        {
            await SearchIndexes.EnsureAsync(db, NullLogger.Instance);
            return 0;
        });

        var admin = await ReviewKit.SignInAsync(Portal, "admin");
        Assert.Equal(["BZ26QN999"], await ProgrammeListTests.AllPagesAsync(admin, "/Programme?q=" + Uri.EscapeDataString("古道考察")));
        Assert.Equal(await ScannedAsync("研究之1"), await Portal.WithScopeAsync(sp => SearchedCodesAsync(sp, "研究之1")));
    }
}
