using System.Globalization;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Queues;

/// <summary>
/// 待办 beyond the plain stages: its group counts are kept between requests (ListCounts), yet a change saved here is
/// counted at once; an expert's items to appraise and the chief's to combine are read apart and merged in order.
/// </summary>
public class QueueCountTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task A_terminated_application_leaves_the_federation_queue_and_list_counts_at_once()
    {
        await QueueMix.SeedAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        var before = await admin.GetAsync("/");
        var code = before.Document.QuerySelector("section.queue-group td.project-code")!.TextContent.Trim();
        Assert.Equal(Total(before), Total(await admin.GetAsync("/")));
        var listedBefore = Listed(await admin.GetAsync("/Review/Federation"));

        await Projects.TerminationTests.TerminateOkAsync(admin, code);

        var after = await admin.GetAsync("/");
        Assert.Equal(Total(before) - 1, Total(after));
        Assert.DoesNotContain(code, after.Document.QuerySelectorAll("td.project-code").Select(td => td.TextContent.Trim()));
        // The review list's status counts are kept the same way, and follow at once too.
        Assert.Equal(listedBefore - 1, Listed(await admin.GetAsync("/Review/Federation")));
    }

    /// <summary>A list's “共 N 条”.</summary>
    private static int Listed(Browser.Page page) => int.Parse(
        System.Text.RegularExpressions.Regex.Match(page.Text, @"共 (\d+) 条").Groups[1].Value, CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task The_chiefs_items_to_combine_are_merged_with_those_to_appraise_oldest_first_across_pages()
    {
        await QueueMix.SeedAsync(portal);
        var now = DateTimeOffset.UtcNow;
        // expert.2 is the only (chief) expert of QueueMix's applications in 专家鉴定: once it has appraised one, it is theirs
        // to combine, waiting since that appraisal. Some are signed long ago (overdue), some just now.
        var signedAgo = new[] { 45, 20, 9, 2, 0 };
        await portal.WithDbAsync(async db =>
        {
            var expert = await db.Users.SingleAsync(u => u.UserName == "expert.2");
            var applications = await db.ClosureApplications
                .Where(a => a.Status == ApplicationStatus.ExpertReview && a.Project.Code.StartsWith("BZ24QM"))
                .OrderBy(a => a.ProjectId).Take(signedAgo.Length).ToListAsync();
            for (var i = 0; i < applications.Count; i++)
            {
                db.ReviewOpinions.Add(new ReviewOpinion
                {
                    ApplicationId = applications[i].Id, Round = applications[i].Round, Stage = ReviewStage.Expert, Agrees = true,
                    OpinionText = "同意。", SignerUserId = expert.Id, SignerName = expert.DisplayName,
                    SignedAt = now - TimeSpan.FromDays(signedAgo[i]) - TimeSpan.FromMinutes(i),
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });

        var expertId = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "expert.2").Select(u => u.Id).SingleAsync());
        var mine = await portal.WithDbAsync(db => db.ClosureApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.ExpertReview && a.ExpertAssignments.Any(e => e.ExpertUserId == expertId))
            .Select(a => new
            {
                a.Project.Code, a.ProjectId,
                Since = a.Opinions.Any(o => o.Stage == ReviewStage.Expert)
                    ? a.Opinions.Where(o => o.Stage == ReviewStage.Expert).Max(o => (DateTimeOffset?)o.SignedAt)
                    : a.StatusSince,
            })
            .ToListAsync());
        var deadlines = portal.Services.GetRequiredService<StageDeadlines>();
        List<string> Expected(bool overdue) => mine
            .Where(x => deadlines.IsOverdue(ApplicationStatus.ExpertReview, x.Since, now) == overdue)
            .OrderBy(x => x.Since).ThenBy(x => x.ProjectId).Select(x => x.Code).ToList();
        Assert.Contains(Expected(true), code => mine.Single(x => x.Code == code).Since < now - TimeSpan.FromDays(40));
        Assert.True(Expected(false).Count > 20, "the group should fill more than a page");

        var expert2 = await ReviewKit.SignInAsync(portal, "expert.2");
        Assert.Equal(Expected(true), await AllCodesAsync(expert2, "/?group=overdue-expert"));
        Assert.Equal(Expected(false), await AllCodesAsync(expert2, "/?group=expert"));
        // The chief's items read as combining, the others as appraising.
        var links = (await expert2.GetAsync("/?group=overdue-expert")).Document.QuerySelectorAll("a.queue-link")
            .Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(links, text => text.StartsWith("综合鉴定", StringComparison.Ordinal));
        Assert.Contains("专家鉴定", links);
    }

    private static async Task<List<string>> AllCodesAsync(Browser browser, string url)
    {
        var codes = new List<string>();
        for (var page = 1; page < 50; page++)
        {
            var answer = await browser.GetAsync($"{url}&p={page}");
            codes.AddRange(answer.Document.QuerySelectorAll("td.project-code").Select(td => td.TextContent.Trim()));
            if (answer.Document.QuerySelector($"nav.list-pager a[aria-label='第 {page + 1} 页']") is null)
                break;
        }
        return codes;
    }

    /// <summary>The sum of the home page's group counts (“（N 项）”).</summary>
    private static int Total(Browser.Page home) => home.Document.QuerySelectorAll("section.queue-group .queue-count")
        .Sum(count => int.Parse(count.TextContent.Trim('（', '）', ' ', '项'), CultureInfo.InvariantCulture));
}
