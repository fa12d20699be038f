using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// A double click on 提交 (two posts of the same page at the same moment), twenty times over: every pair gives
/// one submission and a friendly answer to the other post — never a server error from the unique index on
/// the revisions.
/// </summary>
public class DoubleSubmissionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Pairs = 20;

    [SkippableFact]
    public async Task Twenty_simultaneous_double_submits_give_one_submission_each_and_no_server_error()
    {
        var codes = ReadyDrafts.Codes(Pairs);
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, codes); return 0; });
        var browser = await SignInAsync(portal, "yangzhuo");

        // Both posts of a pair carry the same page's form: the same stamp and token, as a double click sends.
        var posts = new List<(string Code, FormUrlEncodedContent Form)>();
        foreach (var code in codes)
        {
            var page = await browser.GetAsync($"/applications/{code}/submit");
            Assert.True(page.Document.QuerySelector("#problems") is null, $"{code} is not ready to submit:\n{page.Text}");
            var values = Browser.FormValues(page.Document.QuerySelector<IHtmlFormElement>(".form-actions form[method=post]")!);
            posts.Add((code, new FormUrlEncodedContent(values)));
            posts.Add((code, new FormUrlEncodedContent(values)));
        }

        using var start = new SemaphoreSlim(0);
        var requests = posts.Select(async post =>
        {
            await start.WaitAsync();
            var response = await browser.Client.PostAsync($"/applications/{post.Code}/submit", post.Form);
            return (post.Code, Page: await Browser.Page.ReadAsync(response, post.Code));
        }).ToList();
        start.Release(posts.Count);
        var answers = await Task.WhenAll(requests);

        var serverErrors = answers.Where(a => (int)a.Page.Status >= 500).Select(a => $"{a.Code}: {(int)a.Page.Status}").ToList();
        Assert.True(serverErrors.Count == 0, "server errors:\n" + string.Join("\n", serverErrors));
        foreach (var code in codes)
        {
            var pair = answers.Where(a => a.Code == code).Select(a => a.Page).ToList();
            // Each post ends on the application (submitted, or “已提交” for the second) or back on the submit page with the conflict message.
            Assert.All(pair, p => Assert.True(
                p.Status == HttpStatusCode.Redirect && p.RedirectTarget!.EndsWith($"/applications/{code}", StringComparison.Ordinal)
                || p.Status == HttpStatusCode.OK && p.Text.Contains("提交失败", StringComparison.Ordinal),
                $"{code}: {(int)p.Status} {p.RedirectTarget}\n{p.Text}"));
        }

        var stored = await portal.WithDbAsync(db => db.ClosureApplications.AsNoTracking()
            .Where(a => codes.Contains(a.Project.Code))
            .Select(a => new { a.Project.Code, a.Status, Revisions = a.Revisions.Count, Submits = a.History.Count(h => h.Action == nameof(ReviewTrigger.Submit)) })
            .ToListAsync());
        Assert.Equal(Pairs, stored.Count);
        Assert.All(stored, a =>
        {
            Assert.Equal(ApplicationStatus.UnitReview, a.Status);
            Assert.Equal(1, a.Revisions);
            Assert.Equal(1, a.Submits);
        });
    }
}
