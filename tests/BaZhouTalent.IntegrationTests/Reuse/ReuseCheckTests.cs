using System.Net;
using System.Text.RegularExpressions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Reuse;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;
using static BaZhouTalent.IntegrationTests.Notices.NoticeKit;

namespace BaZhouTalent.IntegrationTests.Reuse;

/// <summary>
/// Two applications where the second reuses the first's report, both submitted through the real pages: the first
/// (BZ24YB931, led by 周明远) carries the seed's report; the second (BZ25YB932) its own text with two of the first's
/// passages planted in disguise; a third (BZ25YB933) is clean. The worker is off in this portal, so the tests see
/// each submission before its check and run the checks by hand, as the notices tests run the outbox.
/// </summary>
public class ReuseScenario : PortalFactory, IAsyncLifetime
{
    public const string Source = "BZ24YB931";
    public const string Reuser = "BZ25YB932";
    public const string Clean = "BZ25YB933";
    public const string SourceLeader = "周明远";
    public const string SourceTitle = "巴州区红色文化资源保护与利用研究";

    /// <summary>The federation's 受理 page of the reuser right after it was submitted, before any check ran.</summary>
    public string PageBeforeCheck { get; private set; } = "";

    public ReuseCheck? CheckBeforeRun { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The reuser's share is about 16 %: a warning line below it marks its row.
        builder.UseSetting("Closure:Reuse:WarnPercent", "10");
    }

    public async Task InitializeAsync()
    {
        await RegisterProjectAsync(this, Source, OrganisationDepartmentBazhou, ReuseKit.Complete(SourceLeader, project =>
        {
            project.Year = 2024;
            project.Title = SourceTitle;
        }), ReuseKit.SourceReport);
        await RegisterProjectAsync(this, Reuser, PartySchoolBazhou, ReuseKit.Complete(), ReuseKit.Reusing(932));
        await RegisterProjectAsync(this, Clean, PartySchoolBazhou, ReuseKit.Complete(), ReuseKit.Clean(933));

        await SubmitThroughPageAsync(this, Source);
        await ReuseKit.RunChecksAsync(this);
        await SubmitThroughPageAsync(this, Reuser);
        // The submission is committed with its check queued, and nothing more: the check runs after it.
        CheckBeforeRun = await ReuseKit.CheckAsync(this, Reuser);
        PageBeforeCheck = (await (await SignInAsync(this, "admin")).GetAsync($"/applications/{Reuser}")).Text;
        await ReuseKit.RunChecksAsync(this);
        await SubmitThroughPageAsync(this, Clean);
        await ReuseKit.RunChecksAsync(this);

        // The reuser goes on to the experts (expert.1 chief, expert.2 and expert.3) through the review forms.
        await ToExpertReviewAsync(this, Reuser);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class ReuseCheckTests(ReuseScenario portal) : IClassFixture<ReuseScenario>
{
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    [Fact]
    public void The_submission_only_queues_the_check_which_runs_after_the_commit()
    {
        var check = Assert.IsType<ReuseCheck>(portal.CheckBeforeRun);
        Assert.Equal(ReuseCheckState.Pending, check.State);
        Assert.Null(check.Percent);
        Assert.Empty(check.Sources);
        Assert.Contains("检测中", portal.PageBeforeCheck);
    }

    [Fact]
    public async Task The_reused_passages_are_found_in_the_source_with_their_share()
    {
        var check = Assert.IsType<ReuseCheck>(await ReuseKit.CheckAsync(portal, ReuseScenario.Reuser));
        Assert.Equal(ReuseCheckState.Done, check.State);
        var source = Assert.Single(check.Sources);
        Assert.Equal((await LoadAsync(portal, ReuseScenario.Source)).Id, source.SourceApplicationId);
        Assert.Equal(2, source.Passages.Count);

        // Each passage's place in the source is the passage copied; its place in the report is the disguised copy.
        var report = (await LoadAsync(portal, ReuseScenario.Reuser)).ReportText;
        var normalise = (string s) => ReuseText.Of(s, []).ToString();
        foreach (var (passage, (start, length)) in source.Passages.OrderBy(p => p.SourceStart).Zip(ReuseKit.Copied))
        {
            var inSource = normalise(ReuseKit.SourceReport.Substring(passage.SourceStart, passage.SourceLength));
            var copied = normalise(ReuseKit.SourceReport.Substring(start, length));
            Assert.True(inSource.Length >= copied.Length - 10 && copied.Contains(inSource[5..^5], StringComparison.Ordinal),
                $"source passage {inSource} against the copied {copied}");
            Assert.InRange(normalise(report.Substring(passage.Start, passage.Length)).Length, inSource.Length - 10, inSource.Length + 10);
        }
        // About 560 copied characters (normalised) in a report of about 3,500: a share near 16 %.
        var copiedShare = ReuseKit.Copied.Sum(c => normalise(ReuseKit.SourceReport.Substring(c.Start, c.Length)).Length) * 100.0 / check.Characters;
        Assert.InRange(check.Percent!.Value, copiedShare - 2, copiedShare + 2);

        var clean = Assert.IsType<ReuseCheck>(await ReuseKit.CheckAsync(portal, ReuseScenario.Clean));
        Assert.Equal(ReuseCheckState.Done, clean.State);
        Assert.Empty(clean.Sources);
        Assert.Equal(0, clean.Percent);
    }

    [Fact]
    public async Task Reuse_within_a_batch_is_found_both_ways()
    {
        // The source was checked before the reuser existed; the reuser's check queued it again, and now it names the reuser.
        await ReuseKit.RunChecksAsync(portal);
        var check = Assert.IsType<ReuseCheck>(await ReuseKit.CheckAsync(portal, ReuseScenario.Source));
        Assert.Equal((await LoadAsync(portal, ReuseScenario.Reuser)).Id, Assert.Single(check.Sources).SourceApplicationId);
    }

    [Fact]
    public async Task The_federation_sees_the_share_the_source_and_both_texts_side_by_side()
    {
        var admin = await SignInAsync(portal, "admin");
        var intake = await admin.GetAsync($"/Review/Act/{ReuseScenario.Reuser}");
        var card = intake.Document.QuerySelector("[data-testid=reuse-summary]")!.TextContent;
        Assert.Contains(ReuseScenario.Source, card);
        Assert.Contains(ReuseScenario.SourceTitle, card);
        Assert.Contains(ReuseScenario.SourceLeader, card);
        Assert.Contains("2024", card);
        Assert.Matches(@"\d+\.\d%", intake.Document.QuerySelector("[data-testid=reuse-share]")!.TextContent);

        var side = await admin.GetAsync($"/Review/Reuse/{ReuseScenario.Reuser}?source=1");
        Assert.Equal(HttpStatusCode.OK, side.Status);
        var marksInReport = side.Document.QuerySelectorAll("[data-testid=reuse-report] mark").ToList();
        var marksInSource = side.Document.QuerySelectorAll("[data-testid=reuse-source] mark").ToList();
        Assert.NotEmpty(marksInReport);
        Assert.NotEmpty(marksInSource);
        // The source's marked text is the copied text, as written in the source.
        var sourceMarked = Squeeze(string.Concat(marksInSource.Select(m => m.TextContent)));
        var copied = Squeeze(ReuseKit.SourceReport.Substring(ReuseKit.Copied[0].Start, ReuseKit.Copied[0].Length).Replace("**", "", StringComparison.Ordinal));
        Assert.Contains(copied[20..60], sourceMarked);
        Assert.Equal(2, side.Document.QuerySelectorAll("[data-testid=reuse-passages] tbody tr").Length);
    }

    [Fact]
    public async Task An_expert_sees_the_share_and_the_passages_but_nothing_of_the_source()
    {
        foreach (var expert in new[] { "expert.1", "expert.2" })
        {
            var browser = await SignInAsync(portal, expert);
            var review = await browser.GetAsync($"/Review/Act/{ReuseScenario.Reuser}");
            Assert.Matches(@"\d+\.\d%", review.Document.QuerySelector("[data-testid=reuse-share]")!.TextContent);
            var passages = await browser.GetAsync($"/Review/Reuse/{ReuseScenario.Reuser}");
            Assert.Equal(HttpStatusCode.OK, passages.Status);
            Assert.Equal(2, passages.Document.QuerySelectorAll("[data-testid=reuse-report] mark").Length);
            Assert.Null(passages.Document.QuerySelector("[data-testid=reuse-source]"));
            foreach (var page in new[] { review, passages })
            {
                foreach (var word in new[] { ReuseScenario.Source, ReuseScenario.SourceTitle, ReuseScenario.SourceLeader })
                    Assert.DoesNotContain(word, Squeeze(page.Text));
            }
            // Asking for a source by rank gives an expert the same page, never the source.
            var asked = await browser.GetAsync($"/Review/Reuse/{ReuseScenario.Reuser}?source=1");
            Assert.DoesNotContain(ReuseScenario.SourceLeader, asked.Text);
            Assert.Null(asked.Document.QuerySelector("[data-testid=reuse-source]"));
        }
    }

    [Theory]
    [InlineData("unit.bzdx")]
    [InlineData("skl.bazhou")]
    public async Task The_unit_and_the_county_see_the_share_only(string reviewer)
    {
        var browser = await SignInAsync(portal, reviewer);
        var details = await browser.GetAsync($"/applications/{ReuseScenario.Reuser}");
        Assert.Matches(@"\d+\.\d%", details.Document.QuerySelector("[data-testid=reuse-share]")!.TextContent);
        var page = await browser.GetAsync($"/Review/Reuse/{ReuseScenario.Reuser}?source=1");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("mark"));
        foreach (var text in new[] { details.Text, page.Text })
        {
            Assert.DoesNotContain(ReuseScenario.Source, text);
            Assert.DoesNotContain(ReuseScenario.SourceLeader, text);
        }
    }

    [Fact]
    public async Task The_researcher_sees_nothing_before_a_decision()
    {
        var researcher = await SignInAsync(portal, "yangzhuo");
        var details = await researcher.GetAsync($"/applications/{ReuseScenario.Reuser}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Null(details.Document.QuerySelector("[data-testid=reuse-summary]"));
        Assert.DoesNotContain("复制比", details.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/Review/Reuse/{ReuseScenario.Reuser}")).Status);
    }

    [Fact]
    public async Task The_programme_list_shows_sorts_and_filters_by_the_share()
    {
        var admin = await SignInAsync(portal, "admin");
        var sorted = await admin.GetAsync("/Programme?sort=reuse&desc=true");
        var codes = sorted.Document.QuerySelectorAll("tbody td.project-code").Select(c => c.TextContent.Trim()).ToList();
        Assert.True(codes.IndexOf(ReuseScenario.Reuser) < codes.IndexOf(ReuseScenario.Clean), string.Join(",", codes));
        var row = sorted.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(ReuseScenario.Reuser, StringComparison.Ordinal));
        Assert.Contains("reuse-warn-row", row.ClassName);
        Assert.Matches(@"\d+\.\d%", row.QuerySelector("[data-testid=reuse-percent]")!.TextContent);

        var warned = await admin.GetAsync("/Programme?reuse=true");
        var listed = warned.Document.QuerySelectorAll("tbody td.project-code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(ReuseScenario.Reuser, listed);
        Assert.DoesNotContain(ReuseScenario.Clean, listed);
        Assert.DoesNotContain(ReferenceCode, listed);
    }
}

/// <summary>A check that fails does not touch the submission; it is retried with backoff and its error kept.</summary>
public class ReuseFailureTests
{
    private sealed class Portal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var broken = new Mock<IReuseStore>();
            broken.Setup(s => s.IndexAsync(It.IsAny<IReadOnlyList<IndexedReport>>(), It.IsAny<CancellationToken>()))
                .ThrowsAsync(new InvalidOperationException("index unavailable"));
            builder.ConfigureTestServices(services => services.AddScoped(_ => broken.Object));
        }
    }

    [Fact]
    public async Task A_failing_check_leaves_the_submission_done_and_is_retried_later()
    {
        using var portal = new Portal();
        await RegisterProjectAsync(portal, "BZ25YB941", PartySchoolBazhou, ReuseKit.Complete(), ReuseKit.Reusing(941));
        await SubmitThroughPageAsync(portal, "BZ25YB941");
        Assert.Equal(ApplicationStatus.UnitReview, (await LoadAsync(portal, "BZ25YB941")).Status);

        await ReuseKit.RunChecksAsync(portal);

        var check = Assert.IsType<ReuseCheck>(await ReuseKit.CheckAsync(portal, "BZ25YB941"));
        Assert.Equal(ReuseCheckState.Pending, check.State);
        Assert.Equal(1, check.Attempts);
        Assert.Contains("index unavailable", check.LastError);
        Assert.True(check.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Null(check.LockedUntil);
    }
}

/// <summary>The archive: reports submitted before the check existed (or restored, or imported) are fingerprinted
/// once, by the worker's sweep and by the command alike, even when both run at the same moment.</summary>
public class ReuseArchiveTests
{
    [Fact]
    public async Task Archived_reports_are_fingerprinted_once_and_those_in_review_get_their_check()
    {
        using var portal = new PortalFactory();
        // Submitted through the intent method alone: as an archive restored or upgraded, with no check and no fingerprints.
        string[] codes = ["BZ23YB951", "BZ23YB952", "BZ23YB953"];
        for (var i = 0; i < codes.Length; i++)
        {
            await RegisterProjectAsync(portal, codes[i], PartySchoolBazhou, report: i == 0 ? ReuseKit.SourceReport : ReuseKit.Reusing(950 + i));
            await SubmitAsync(portal, codes[i]);
        }
        Assert.False(await portal.WithDbAsync(db => db.ReuseDocuments.AnyAsync()));

        // The worker's sweep and the command twice, at the same moment.
        var results = await ReuseKit.AtOnceAsync(portal,
            sp => sp.GetRequiredService<ReuseArchive>().SweepAsync(500, CancellationToken.None),
            sp => sp.GetRequiredService<ReuseArchive>().IndexAllAsync(500, null, CancellationToken.None),
            sp => sp.GetRequiredService<ReuseArchive>().IndexAllAsync(500, null, CancellationToken.None));
        // Whatever raced, a second run finds everything indexed.
        var again = await portal.WithScopeAsync(sp => sp.GetRequiredService<ReuseArchive>().IndexAllAsync(500, null, CancellationToken.None));

        Assert.Equal(0, again.Indexed);
        Assert.Equal(codes.Length, results.Sum(r => r.Indexed));
        var documents = await portal.WithDbAsync(db => db.ReuseDocuments.ToListAsync());
        Assert.Equal(codes.Length, documents.Count);
        Assert.Equal(documents.Sum(d => d.Fingerprints), await portal.WithDbAsync(db => db.ReuseFingerprints.CountAsync()));
        Assert.All(documents, d => Assert.True(d.Fingerprints > 0));

        // Each of them is under review: its check was queued once, and it runs.
        Assert.Equal(codes.Length, await portal.WithDbAsync(db => db.ReuseChecks.CountAsync()));
        await ReuseKit.RunChecksAsync(portal);
        var reuser = Assert.IsType<ReuseCheck>(await ReuseKit.CheckAsync(portal, codes[1]));
        Assert.Equal(ReuseCheckState.Done, reuser.State);
        Assert.Contains(reuser.Sources, s => s.Passages.Count == 2);
    }
}

/// <summary>The portal's own worker, woken by the submission, runs the check with nobody driving it.</summary>
public class ReuseWorkerTests
{
    private sealed class Portal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Closure:Reuse:WorkerEnabled", "true");
            // An hour between passes: only the submission's poke can make the check run within the test.
            builder.UseSetting("Closure:Reuse:IntervalSeconds", "3600");
        }
    }

    [Fact]
    public async Task The_worker_runs_a_submitted_check_by_itself()
    {
        using var portal = new Portal();
        await RegisterProjectAsync(portal, "BZ25YB971", PartySchoolBazhou, ReuseKit.Complete(), ReuseKit.SourceReport);
        await RegisterProjectAsync(portal, "BZ25YB972", PartySchoolBazhou, ReuseKit.Complete(), ReuseKit.Reusing(972));
        // The worker's first pass (at start) has found nothing to do; each submission pokes it.
        await ReuseKit.WaitForChecksAsync(portal);
        await SubmitThroughPageAsync(portal, "BZ25YB971");
        await ReuseKit.WaitForChecksAsync(portal);
        await SubmitThroughPageAsync(portal, "BZ25YB972");
        await ReuseKit.WaitForChecksAsync(portal);

        var check = Assert.IsType<ReuseCheck>(await ReuseKit.CheckAsync(portal, "BZ25YB972"));
        Assert.Equal(ReuseCheckState.Done, check.State);
        Assert.Single(check.Sources);
    }
}

/// <summary>Each queued check is run once, however many workers look at the same moment (the claim is the limit).</summary>
public class ReuseClaimTests
{
    [Fact]
    public async Task Workers_running_at_the_same_moment_run_each_check_once()
    {
        using var portal = new PortalFactory();
        string[] codes = ["BZ25YB991", "BZ25YB992", "BZ25YB993", "BZ25YB994"];
        foreach (var code in codes)
        {
            await RegisterProjectAsync(portal, code, PartySchoolBazhou, ReuseKit.Complete(), ReuseKit.Clean(int.Parse(code[^3..], System.Globalization.CultureInfo.InvariantCulture)));
            await SubmitThroughPageAsync(portal, code);
        }
        Assert.Equal(codes.Length, await portal.WithDbAsync(db => db.ReuseChecks.CountAsync(c => c.State == ReuseCheckState.Pending)));

        // Three workers find the same due checks and race for each of them.
        Func<IServiceProvider, Task<int>> worker = sp => sp.GetRequiredService<RunReuseChecks>().RunPendingAsync(CancellationToken.None);
        var completed = await ReuseKit.AtOnceAsync(portal, worker, worker, worker);

        Assert.Equal(codes.Length, completed.Sum());
        var checks = await portal.WithDbAsync(db => db.ReuseChecks.ToListAsync());
        Assert.All(checks, c => Assert.Equal((ReuseCheckState.Done, 1), (c.State, c.Attempts)));
        Assert.Equal(codes.Length, await portal.WithDbAsync(db => db.ReuseDocuments.CountAsync()));
    }
}
