using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>What the review tests share: projects registered for a scenario, submissions, and posting the review forms.</summary>
internal static class ReviewKit
{
    public const string Password = "Bz2025demo";
    public const string ReferenceCode = "BZ25YB027";
    public const string PartySchoolBazhou = "中共巴中市巴州区委党校";
    public const string OrganisationDepartmentBazhou = "中共巴中市巴州区委组织部";
    public const string PartySchoolCity = "中共巴中市委党校";

    /// <summary>Registers a funded project led by yangzhuo for <paramref name="unitName"/>, with a draft application.</summary>
    /// <param name="describe">Changes the register's record (e.g. the full 原 leader and participants) before the draft copies it.</param>
    /// <param name="report">The draft's final report (a short one by default).</param>
    public static Task RegisterProjectAsync(PortalFactory portal, string code, string unitName, Action<FundedProject>? describe = null,
        string? report = null) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var reference = await db.FundedProjects.Include(p => p.Application).SingleAsync(p => p.Code == ReferenceCode);
        var unit = await db.Units.SingleAsync(u => u.Name == unitName);
        var project = new FundedProject
        {
            Code = code,
            Title = $"测试项目{code}",
            Year = 2025,
            CategoryId = reference.CategoryId,
            UnitId = unit.Id,
            PlannedOutputForm = "论文 1 篇",
            PlannedCompletion = new DateOnly(2025, 9, 30),
            OriginalLeader = new PersonDetails { Name = "杨卓", Unit = unitName },
            OriginalParticipants = [new Participant { SortOrder = 1, Name = "李亚军", Unit = unitName, Title = "讲师" }],
            LeaderUserId = reference.LeaderUserId,
        };
        describe?.Invoke(project);
        var application = ClosureApplication.StartFor(project, DateTimeOffset.UtcNow);
        application.ReportText = report ?? "测试报告\n摘要：本文研究巴中市的发展。\n一、引言\n正文第一段。";
        application.ActualCompletion = new DateOnly(2025, 9, 1);
        application.Sensitive = false;
        application.Classified = false;
        application.DeclarationConfirmed = true;
        db.FundedProjects.Add(project);
        db.ClosureApplications.Add(application);
        await db.SaveChangesAsync();
    });

    /// <summary>Submits through the workflow's own intent method, as the researcher's submit use case does.</summary>
    public static Task SubmitAsync(PortalFactory portal, string code, Action<ClosureApplication>? revise = null) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var application = await ReviewLoading.LoadAsync(db, code, CancellationToken.None) ?? throw new InvalidOperationException(code);
        revise?.Invoke(application);
        var leader = await db.Users.SingleAsync(u => u.UserName == "yangzhuo");
        application.Submit(new ReviewActor(leader.Id, leader.DisplayName), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    });

    public static Task<ClosureApplication> LoadAsync(PortalFactory portal, string code) =>
        portal.WithDbAsync(async db => (await ReviewLoading.LoadAsync(db, code, CancellationToken.None))!);

    public static Task<string> UserIdAsync(PortalFactory portal, string userName) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Creates an extra account (e.g. a reviewer of another unit) with the demo password.</summary>
    public static Task CreateUserAsync(PortalFactory portal, string userName, string displayName, string role, string? unitName = null, string? regionName = null) =>
        portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(userName) is not null) return;
            var db = sp.GetRequiredService<AppDbContext>();
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = displayName,
                UnitId = unitName is null ? null : (await db.Units.SingleAsync(u => u.Name == unitName)).Id,
                RegionId = regionName is null ? null : (await db.Regions.SingleAsync(r => r.Name == regionName)).Id,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(";", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        });

    public static async Task<Browser> SignInAsync(PortalFactory portal, string userName)
    {
        var browser = new Browser(portal.CreateBrowser());
        // Where the portal requires a second factor (SecurePortalFactory), it is completed as a person would.
        var home = await SecondFactor.CompleteAsync(portal, browser, await browser.SignInAsync(userName, Password), userName);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        return browser;
    }

    public static Task<Browser.Page> OpenAsync(Browser browser, string code) => browser.GetAsync($"/Review/Act/{code}");

    /// <summary>Opens the review page and posts its <paramref name="form"/> (data-form) with <paramref name="fields"/>.</summary>
    public static async Task<Browser.Page> ActAsync(Browser browser, string code, string form, IDictionary<string, string> fields)
    {
        var page = await OpenAsync(browser, code);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await PostFormAsync(browser, page, form, fields);
    }

    public static async Task<Browser.Page> PostFormAsync(Browser browser, Browser.Page page, string form, IDictionary<string, string> fields)
    {
        Assert.True(page.Document.QuerySelector($"form[data-form={form}]") is not null, $"no {form} form on {page.Url}:\n{page.Text}");
        return await browser.SubmitAsync(page, fields, $"form[data-form={form}]");
    }

    /// <summary>Posts an action and asserts it went through (Post-Redirect-Get).</summary>
    public static async Task ActOkAsync(Browser browser, string code, string form, IDictionary<string, string> fields)
    {
        var result = await ActAsync(browser, code, form, fields);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"{form} on {code}: {result.Status}\n{result.Text}");
    }

    public static Dictionary<string, string> Opinion(bool hasProblem = false, bool agrees = true, string text = "同意。", string? grade = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.HasProblem"] = hasProblem ? "true" : "false",
            ["Input.Agrees"] = agrees ? "true" : "false",
            ["Input.Opinion"] = text,
        };
        if (grade is not null) fields["Input.Grade"] = grade;
        return fields;
    }

    public static async Task<Dictionary<string, string>> ExpertsAsync(PortalFactory portal, string chief, params string[] experts)
    {
        var fields = new Dictionary<string, string> { ["Input.ChiefExpertId"] = await UserIdAsync(portal, chief) };
        for (var i = 0; i < experts.Length; i++)
            fields[$"Input.ExpertIds[{i}]"] = await UserIdAsync(portal, experts[i]);
        return fields;
    }

    /// <summary>Walks <paramref name="code"/> from submitted (UnitReview) to FederationIntake through the pages.</summary>
    public static async Task ToIntakeAsync(PortalFactory portal, string code, bool cityLevel = false, string unitReviewer = "unit.bzdx")
    {
        await ActOkAsync(await SignInAsync(portal, unitReviewer), code, "unit", Opinion(text: "经审核，同意报送。"));
        if (!cityLevel)
            await ActOkAsync(await SignInAsync(portal, "skl.bazhou"), code, "county",
                new Dictionary<string, string>(Opinion(text: "同意结项。")) { ["Input.PersonInCharge"] = "王主任" });
    }

    public static async Task ToExpertReviewAsync(PortalFactory portal, string code)
    {
        await ToIntakeAsync(portal, code);
        await ActOkAsync(await SignInAsync(portal, "admin"), code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1", "expert.2", "expert.3"));
    }

    /// <summary>The researcher opens 检查并提交 (nothing left to fix) and presses 提交结项申请; returns the answer.</summary>
    public static async Task<Browser.Page> PressSubmitAsync(Browser researcher, string code)
    {
        var page = await researcher.GetAsync($"/applications/{code}/submit");
        Assert.True(page.Status == HttpStatusCode.OK && page.Document.QuerySelector("#problems, .problem-list li") is null,
            $"{code} is not ready to submit:\n{page.Status} {page.Text}");
        return await researcher.SubmitAsync(page, new Dictionary<string, string>());
    }

    /// <summary><see cref="PressSubmitAsync"/>, and the submission went through (Post-Redirect-Get).</summary>
    public static async Task SubmitThroughThePageAsync(Browser researcher, string code)
    {
        var submitted = await PressSubmitAsync(researcher, code);
        Assert.True(submitted.Status == HttpStatusCode.Redirect, $"submit {code}: {submitted.Status}\n{submitted.Text}");
    }

    /// <summary>From submitted (单位审核) through every review page to 已结项: the chief expert.1 appraises alone and grades 良好.</summary>
    public static async Task ConcludeSubmittedAsync(PortalFactory portal, string code, bool cityLevel = false)
    {
        await ToIntakeAsync(portal, code, cityLevel);
        await ActOkAsync(await SignInAsync(portal, "admin"), code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1"));
        var chief = await SignInAsync(portal, "expert.1");
        await ActOkAsync(chief, code, "appraise", Opinion(grade: "Good"));
        await ActOkAsync(chief, code, "combine", Opinion(grade: "Good"));
        await ActOkAsync(await SignInAsync(portal, "admin"), code, "decide",
            new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });
    }

    /// <summary>A PDF's text without the spaces the layout puts between characters, so phrases can be searched as written.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "");
    }
}
