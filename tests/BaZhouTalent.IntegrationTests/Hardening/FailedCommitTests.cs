using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Notices.NoticeKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The deterministic half of crash safety (beside <see cref="CrashSafetyTests"/>, which kills the process wherever
/// SIGKILL lands): the database refuses one statement of a step's save after the statements before it have run in
/// its transaction. Nothing of the step is kept — status, history, revision, opinions and the page's stamp are as
/// before — and the user reads a Chinese message on the page they posted, their typed text still in the form, not
/// an error page. Once the database is well again the same form goes through.
/// </summary>
public sealed class FailedCommitTests : IDisposable
{
    private readonly FaultyPortal portal = new();

    [Fact]
    public async Task A_submission_whose_save_fails_part_way_leaves_the_draft_whole_and_says_so_in_Chinese()
    {
        const string code = "BZ25YB981";
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
        var before = await LoadAsync(portal, code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var page = await researcher.GetAsync($"/applications/{code}/submit");

        // The application's row is written last in the save: the revision and the history line are in by then.
        portal.RefuseCommands(ApplicationUpdate);
        var sent = portal.Commands.Invocations.Count;
        var answer = await researcher.SubmitAsync(page, new Dictionary<string, string>(), ".form-actions form[method=post]");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(ReviewOutcome.NotSavedMessage, answer.Text);
        Assert.DoesNotContain("系统出错", answer.Text);
        AssertRefusedPartWay(portal.CommandsSince(sent), "INSERT INTO \"ApplicationRevisions\"", "INSERT INTO \"AuditEntries\"");
        var after = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.Draft, after.Status);
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Empty(after.Revisions);
        Assert.Empty(await OutboxAsync(portal, code));

        portal.RefuseCommands(null);
        var again = await researcher.SubmitAsync(await researcher.GetAsync($"/applications/{code}/submit"), new Dictionary<string, string>(), ".form-actions form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var submitted = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.UnitReview, submitted.Status);
        Assert.Single(submitted.Revisions);
    }

    [Fact]
    public async Task A_sign_off_whose_save_fails_part_way_keeps_no_opinion_and_gives_back_the_typed_text()
    {
        const string code = "BZ25YB982";
        await SubmitThroughPageAsync(portal, code);
        var reviewer = await SignInAsync(portal, "unit.bzdx");
        const string typed = "经审核，该成果无政治导向问题，同意报送。（故障注入）";

        portal.RefuseCommands(ApplicationUpdate);
        var sent = portal.Commands.Invocations.Count;
        var answer = await ActAsync(reviewer, code, "unit", Opinion(text: typed));
        AssertRefusedPartWay(portal.CommandsSince(sent), "INSERT INTO \"AuditEntries\"");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(ReviewOutcome.NotSavedMessage, answer.Text);
        Assert.DoesNotContain("系统出错", answer.Text);
        Assert.Equal(typed, answer.Document.QuerySelector<IHtmlTextAreaElement>("form[data-form=unit] textarea[name='Input.Opinion']")!.Value);
        var after = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.UnitReview, after.Status);
        Assert.Empty(after.Opinions);
        Assert.DoesNotContain(after.History, h => h.Action == nameof(ReviewTrigger.ApproveByUnit));

        portal.RefuseCommands(null);
        await ActOkAsync(reviewer, code, "unit", Opinion(text: typed));
        Assert.Equal(typed, Assert.Single((await LoadAsync(portal, code)).Opinions).OpinionText);
    }

    private const string ApplicationUpdate = "UPDATE \"ClosureApplications\"";

    /// <summary>Part-way: the step's other rows were written in the transaction before its update was refused.</summary>
    private static void AssertRefusedPartWay(List<string> commands, params string[] before)
    {
        var refused = commands.FindIndex(c => c.StartsWith(ApplicationUpdate, StringComparison.Ordinal));
        Assert.True(refused > 0 && before.All(b => commands.Take(refused).Any(c => c.StartsWith(b, StringComparison.Ordinal))),
            "the fault did not land after the step's other rows:\n" + string.Join("\n", commands.Where(c => !c.StartsWith("SELECT", StringComparison.Ordinal))));
    }

    public void Dispose() => portal.Dispose();
}
