using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Projects;

/// <summary>What the lifecycle tests share: yangzhuo's projects with a chosen planned completion, and the request pages.</summary>
internal static class LifecycleKit
{
    /// <summary>A project of yangzhuo's at the Bazhou party school, year 2025, planned to complete on <paramref name="planned"/>;
    /// with a complete draft copied from the reference application unless <paramref name="withDraft"/> is false.</summary>
    public static Task AddProjectAsync(PortalFactory portal, string code, DateOnly planned, bool withDraft = true) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var reference = await db.ClosureApplications.AsNoTracking().Include(a => a.Project)
            .SingleAsync(a => a.Project.Code == ReferenceCode);
        var unit = await db.Units.SingleAsync(u => u.Name == PartySchoolBazhou);
        var project = new FundedProject
        {
            Code = code,
            Title = $"测试项目{code}",
            Year = 2025,
            CategoryId = reference.Project.CategoryId,
            UnitId = unit.Id,
            PlannedOutputForm = reference.Project.PlannedOutputForm,
            PlannedCompletion = planned,
            OriginalLeader = reference.CurrentLeader.Copy(),
            OriginalParticipants = reference.CurrentParticipants.Select(p => p.Copy()).ToList(),
            LeaderUserId = reference.Project.LeaderUserId,
        };
        db.FundedProjects.Add(project);
        if (withDraft)
        {
            var application = ClosureApplication.StartFor(project, DateTimeOffset.UtcNow);
            application.FillDate = reference.FillDate;
            application.ResultTitle = reference.ResultTitle;
            application.CurrentOutputForm = reference.CurrentOutputForm;
            application.ActualCompletion = reference.ActualCompletion;
            application.ReportText = reference.ReportText;
            application.Sensitive = false;
            application.Classified = false;
            application.DeclarationConfirmed = true;
            db.ClosureApplications.Add(application);
        }
        await db.SaveChangesAsync();
    });

    public static DateOnly Today(Workspace.ClockedPortal portal) => DateOnly.FromDateTime(portal.Clock.GetUtcNow().AddHours(8).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The researcher asks for <paramref name="newDate"/> through the extension page; returns the page answered.</summary>
    public static async Task<Browser.Page> AskAsync(Browser researcher, string code, DateOnly? newDate, string reason)
    {
        var form = await researcher.GetAsync($"/projects/{code}/extend");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await researcher.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.NewCompletion"] = newDate is { } d ? Iso(d) : "",
            ["Input.Reason"] = reason,
        }, "form[data-form=extend]");
    }

    public static Task<int> OpenRequestIdAsync(PortalFactory portal, string code) =>
        portal.WithDbAsync(db => db.ProjectRequests.Where(r => r.Project.Code == code)
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());

    public static Task<ProjectRequest> RequestAsync(PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.ProjectRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    public static Task<FundedProject> ProjectAsync(PortalFactory portal, string code) =>
        portal.WithDbAsync(db => db.FundedProjects.AsNoTracking().Include(p => p.Application).SingleAsync(p => p.Code == code));

    /// <summary>Opens the decision page of <paramref name="slug"/> and posts it with <paramref name="opinion"/>.</summary>
    public static async Task<Browser.Page> DecideAsync(Browser browser, int requestId, string slug, string opinion = "")
    {
        var page = await browser.GetAsync($"/requests/{requestId}/{slug}");
        Assert.True(page.Status == HttpStatusCode.OK, $"{slug} on {requestId}: {page.Status}\n{page.Text}");
        return await browser.SubmitAsync(page, new Dictionary<string, string> { ["Opinion"] = opinion }, "form[data-form=decide]");
    }

    public static async Task DecideOkAsync(Browser browser, int requestId, string slug, string opinion = "")
    {
        var result = await DecideAsync(browser, requestId, slug, opinion);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"{slug} on {requestId}: {result.Status}\n{result.Text}");
    }

    /// <summary>The whole chain through the pages: asked by yangzhuo, agreed by unit.bzdx, approved by admin.</summary>
    public static async Task ExtendAsync(PortalFactory portal, string code, DateOnly newDate)
    {
        var asked = await AskAsync(await SignInAsync(portal, "yangzhuo"), code, newDate, "调研资料尚未收集完毕，需延期。");
        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.Text);
        var id = await OpenRequestIdAsync(portal, code);
        await DecideOkAsync(await SignInAsync(portal, "unit.bzdx"), id, "unit-agree", "情况属实，同意延期。");
        await DecideOkAsync(await SignInAsync(portal, "admin"), id, "approve", "同意。");
    }
}
