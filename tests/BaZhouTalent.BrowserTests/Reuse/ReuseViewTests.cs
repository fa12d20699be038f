using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.BrowserTests.Workspace;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests.Reuse;

/// <summary>
/// 自建库查重 in the browser: the demo's BZ25YB027 (the seed's report) and a second application whose report reuses two
/// of its passages in disguise, both submitted; the federation opens the side-by-side view from the 受理 card and from
/// 结项管理. Audited (axe, 390 px) and kept as screenshots: screenshots/reuse/.
/// </summary>
public class ReuseViewTests(LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Source = "BZ25YB027";
    private const string Reuser = "BZ25YB981";

    [Fact]
    public async Task The_federation_reads_the_report_beside_its_source_with_the_passages_marked()
    {
        await ArrangeAsync();

        var page = await portal.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("Bz2025demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GotoAsync("/Programme?sort=reuse&desc=true");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = Reuser })).ToContainTextAsync("%");
        await portal.ScreenshotAsync(page, "reuse/programme-1280");

        await page.GotoAsync($"/applications/{Reuser}");
        await page.GetByRole(AriaRole.Link, new() { Name = "并排查看" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"来源：{Source}", Exact = false })).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=reuse-report] mark").CountAsync() >= 2);
        Assert.True(await page.Locator("[data-testid=reuse-source] mark").CountAsync() >= 2);
        // The card above the passages does not contradict them.
        await Expect(page.GetByTestId("reuse-no-source")).ToHaveCountAsync(0);
        // The first passage, where the reader is led from the table, is marked in both texts and scrolled into view.
        await page.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Expect(page.Locator("#mark-1")).ToBeInViewportAsync();
        await page.GetByTestId("reuse-passages").GetByRole(AriaRole.Link).Nth(1).ClickAsync();
        await Expect(page.Locator("#source-mark-1")).ToBeInViewportAsync();

        var failures = new List<string>();
        foreach (var width in new[] { PageAudit.Desktop, PageAudit.Phone })
        {
            await page.SetViewportSizeAsync(width, 900);
            failures.AddRange(await PageAudit.AxeFailuresAsync(page));
            if (width == PageAudit.Phone)
                failures.AddRange(await PageAudit.NarrowLayoutFailuresAsync(page));
            await portal.ScreenshotAsync(page, $"reuse/side-by-side-{width}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task ArrangeAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var reference = (await ReviewLoading.LoadAsync(db, Source, CancellationToken.None))!;
        var leader = await db.Users.SingleAsync(u => u.UserName == "yangzhuo");
        var actor = new ReviewActor(leader.Id, leader.DisplayName);

        var project = new FundedProject
        {
            Code = Reuser,
            Title = "巴中市乡村人才振兴路径研究",
            Year = 2025,
            CategoryId = reference.Project.CategoryId,
            UnitId = reference.Project.UnitId,
            PlannedOutputForm = reference.Project.PlannedOutputForm,
            PlannedCompletion = reference.Project.PlannedCompletion,
            OriginalLeader = reference.CurrentLeader.Copy(),
            LeaderUserId = reference.Project.LeaderUserId,
        };
        var application = ClosureApplication.StartFor(project, DateTimeOffset.UtcNow);
        var random = new Random(981);
        var own = ReuseCorpus.Essay(reference.ReportText, 4_000, 981).Split('\n').ToList();
        foreach (var (start, length, at) in new[] { (1200, 300, 3), (4000, 160, 9) })
            own.Insert(at, ReuseCorpus.Disguise(random, reference.ReportText.Substring(start, length).Replace("\n", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal)));
        application.ReportText = string.Join('\n', own);
        db.FundedProjects.Add(project);
        db.ClosureApplications.Add(application);
        await db.SaveChangesAsync();

        // Both submitted through the workflow's intent method; the archive sweep indexes them and queues their checks.
        reference.Submit(actor, DateTimeOffset.UtcNow);
        application.Submit(actor, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        await services.GetRequiredService<ReuseArchive>().IndexAllAsync(100, null, CancellationToken.None);
        // The portal's own worker may be running the same checks: run what is due and wait until both are done.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await db.ReuseChecks.CountAsync(c => c.State == ReuseCheckState.Done) < 2 || await db.ReuseChecks.AnyAsync(c => c.State == ReuseCheckState.Pending))
        {
            Assert.True(DateTime.UtcNow < deadline, "the reuse checks did not finish");
            if (await services.GetRequiredService<RunReuseChecks>().RunPendingAsync(CancellationToken.None) == 0)
                await Task.Delay(200);
        }
        Assert.True(await db.ReuseChecks.AnyAsync(c => c.ApplicationId == application.Id && c.Percent > 0));
    }
}
