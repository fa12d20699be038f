using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The portal process killed (SIGKILL) in the middle of a burst of submissions and unit sign-offs, then
/// started again on the same database: every application is wholly before or wholly after each step —
/// its status, its history, its opinions and its revision agree.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Applications = 16;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", Guid.NewGuid().ToString("N"));


    private string DatabasePath => Path.Combine(folder, "portal.db");

    [Fact]
    public async Task Killed_mid_burst_every_application_is_wholly_before_or_after_each_step()
    {
        Directory.CreateDirectory(folder);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var codes = ReadyDrafts.Codes(Applications);
        var portal = PortalProcess.Start(DatabasePath);
        Assert.True(await portal.WaitUntilHealthyAsync(), portal.Output);
        await using (var db = PortalProcess.OpenDatabase(DatabasePath))
            await ReadyDrafts.AddAsync(db, codes);
        output.WriteLine($"started {clock.Elapsed}");
        var researcher = portal.NewBrowser();
        await researcher.SignInAsync("yangzhuo", Password);
        var reviewer = portal.NewBrowser();
        await reviewer.SignInAsync("unit.bzdx", Password);

        // Each application: submit, then the unit's sign-off; all at once. The kill comes when every submission
        // and a third of the sign-offs have answered, so the rest of the sign-offs are in flight or not yet sent.
        var answered = 0;
        var killAfter = Applications + Applications / 3;
        var killed = new TaskCompletionSource();
        async Task StepAsync(Func<Task> step)
        {
            await step();
            if (Interlocked.Increment(ref answered) == killAfter)
            {
                portal.Kill();
                killed.SetResult();
            }
        }
        output.WriteLine($"signed in {clock.Elapsed}");
        var burst = codes.Select(async code =>
        {
            try
            {
                await StepAsync(() => SubmitAsync(researcher, code));
                await StepAsync(() => SignOffAsync(reviewer, code));
            }
            catch (HttpRequestException) { /* the process died under this request */ }
            catch (TaskCanceledException) { /* idem */ }
        }).ToList();
        await Task.WhenAll(burst);
        Assert.True(killed.Task.IsCompleted, "the burst ended before the kill");
        portal.Dispose();

        output.WriteLine($"killed {clock.Elapsed}");
        using var restarted = PortalProcess.Start(DatabasePath);
        Assert.True(await restarted.WaitUntilHealthyAsync(), "the portal did not come back:\n" + restarted.Output);
        output.WriteLine($"restarted {clock.Elapsed}");

        await using var check = PortalProcess.OpenDatabase(DatabasePath);
        var applications = await check.ClosureApplications.AsNoTracking().AsSplitQuery()
            .Include(a => a.Project).Include(a => a.History).Include(a => a.Opinions).Include(a => a.Revisions)
            .Where(a => codes.Contains(a.Project.Code)).ToListAsync();
        Assert.Equal(Applications, applications.Count);
        foreach (var application in applications)
            AssertWhole(application);

        // And the restarted portal carries on from there.
        var again = restarted.NewBrowser();
        await again.SignInAsync("yangzhuo", Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/applications/{codes[0]}")).Status);
    }

    /// <summary>Status, history, opinions and revision tell the same story: no step is half there.</summary>
    private static void AssertWhole(ClosureApplication a)
    {
        var code = a.Project.Code;
        var submits = a.History.Count(h => h.Action == nameof(ReviewTrigger.Submit));
        var signOffs = a.History.Count(h => h.Action == nameof(ReviewTrigger.ApproveByUnit));
        var (expectedSubmits, expectedSignOffs) = a.Status switch
        {
            ApplicationStatus.Draft => (0, 0),
            ApplicationStatus.UnitReview => (1, 0),
            ApplicationStatus.CountyReview => (1, 1),
            _ => throw new Xunit.Sdk.XunitException($"{code}: unexpected status {a.Status}"),
        };
        Assert.True(submits == expectedSubmits && signOffs == expectedSignOffs,
            $"{code} is {a.Status} with {submits} submission(s) and {signOffs} sign-off(s) in its history");
        Assert.True(a.Revisions.Count == expectedSubmits, $"{code} is {a.Status} with {a.Revisions.Count} revision(s)");
        Assert.True(a.Opinions.Count(o => o.Stage == ReviewStage.Unit) == expectedSignOffs,
            $"{code} is {a.Status} with {a.Opinions.Count} opinion(s)");
        if (a.History.Count > 0)
            Assert.Equal(a.Status, a.History.OrderBy(h => h.At).ThenBy(h => h.Id).Last().ToStatus);
    }

    private static async Task SubmitAsync(Browser researcher, string code)
    {
        var page = await researcher.GetAsync($"/applications/{code}/submit");
        var form = page.Document.QuerySelector<IHtmlFormElement>(".form-actions form[method=post]")!;
        var response = await researcher.Client.PostAsync($"/applications/{code}/submit", new FormUrlEncodedContent(Browser.FormValues(form)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task SignOffAsync(Browser reviewer, string code)
    {
        var page = await OpenAsync(reviewer, code);
        var result = await PostFormAsync(reviewer, page, "unit", Opinion(text: "经审核，同意报送。"));
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
