using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>
/// 一键分配 (/Review/Batch) through its real form: the proposal never offers an expert the single assignment would refuse
/// (a unit typed without 中共 or with a full-width space included), and confirmations posted by two clerks at the same
/// moment neither pass the per-expert cap (set to 1 here) nor assign an application twice.
/// </summary>
public class BatchAssignmentTests(BatchAssignmentTests.CappedPortal portal) : IClassFixture<BatchAssignmentTests.CappedPortal>
{
    public const string PingchangUnit = "中共平昌县委党校";

    public sealed class CappedPortal : PortalFactory
    {
        public SimultaneousGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Closure:BatchAssignment:MaxOpenPerExpert", "1");
            builder.UseSetting("Closure:BatchAssignment:ExpertsPerApplication", "1");
            SimultaneousGate.AddTo(builder, Gate);
        }
    }

    [Fact]
    public async Task The_proposal_never_offers_an_expert_of_the_applicants_unit_spelt_otherwise_and_a_forged_row_is_refused_by_name()
    {
        const string code = "BZ25YB871";
        await RegisterProjectAsync(portal, code, PingchangUnit, p => p.OriginalLeader = new PersonDetails { Name = "杨卓", Unit = PingchangUnit });
        await SubmitAsync(portal, code);
        await ToIntakeByIntentAsync(portal, code);
        var admin = await SignInAsync(portal, "admin");
        foreach (var (user, name, unit) in new[] { ("ex.pc.short", "平昌无前缀专家", "平昌县委党校"), ("ex.pc.space", "平昌全角专家", "中共　平昌县委党校"), ("ex.outside", "外单位专家", "西华师范大学") })
            await AddExpertAsync(admin, user, name, unit);
        var ids = new Dictionary<string, string>();
        foreach (var user in new[] { "ex.pc.short", "ex.pc.space", "ex.outside" }) ids[user] = await UserIdAsync(portal, user);

        var page = await admin.GetAsync("/Review/Batch");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelector($"tr[data-code={code}]") ?? throw new Xunit.Sdk.XunitException(page.Text);
        var offered = row.QuerySelectorAll("select option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0).ToHashSet();
        Assert.Contains(ids["ex.outside"], offered);
        Assert.DoesNotContain(ids["ex.pc.short"], offered);
        Assert.DoesNotContain(ids["ex.pc.space"], offered);
        // Every proposal is among the offered.
        Assert.All(row.QuerySelectorAll("select option[selected]").Select(o => o.GetAttribute("value")), v => Assert.Contains(v, offered));

        // A row forged to carry the conflicted expert is refused, named, and the application stays at intake.
        var (values, index) = OnlyRow(page, code);
        values[$"Rows[{index}].Experts[0]"] = ids["ex.pc.short"];
        var answer = await admin.SubmitAsync(page, values, "form[data-form=batch-assign]");
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{answer.Status}\n{string.Join("\n", portal.ReadLogs().Split('\n').Where(l => l.Contains("ERR") || l.Contains("Exception") || l.StartsWith("   at ")).Take(30))}");
        var after = await admin.GetAsync("/Review/Batch");
        var failures = after.Document.QuerySelector("[data-testid=batch-failures]")?.TextContent ?? "";
        Assert.Contains(code, failures);
        Assert.Contains("存在利益冲突", failures);
        Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, code)).Status);
    }

    [Fact]
    public async Task Two_clerks_confirming_at_once_neither_pass_the_cap_nor_assign_an_application_twice()
    {
        string[] codes = ["BZ25YB872", "BZ25YB873", "BZ25YB874", "BZ25YB875"];
        // The rows only the cap separates come first on the page (longest waiting), so both clerks' first rows race.
        foreach (var code in new[] { codes[2], codes[3], codes[0], codes[1] })
        {
            await RegisterProjectAsync(portal, code, PartySchoolBazhou);
            await SubmitAsync(portal, code);
            await ToIntakeByIntentAsync(portal, code);
        }
        await CreateUserAsync(portal, "fed.clerk2", "市社科联办事员", Roles.MunicipalFederation);
        var clerks = new[] { await SignInAsync(portal, "admin"), await SignInAsync(portal, "fed.clerk2") };
        var (e1, e2, e3) = (await UserIdAsync(portal, "expert.1"), await UserIdAsync(portal, "expert.2"), await UserIdAsync(portal, "expert.3"));

        var pages = new[] { await clerks[0].GetAsync("/Review/Batch"), await clerks[1].GetAsync("/Review/Batch") };
        // The proposal itself keeps to the cap: with a cap of 1, no expert is proposed for two rows of the page.
        var proposed = pages[0].Document.QuerySelectorAll("tr[data-code] select option[selected]").Select(o => o.GetAttribute("value")).ToList();
        Assert.NotEmpty(proposed);
        Assert.Equal(proposed.Count, proposed.Distinct().Count());

        // Both clerks assign the same two applications crosswise (a double assignment if unchecked), and each assigns
        // expert.1 to a different third or fourth application (the cap's alone to refuse one of them).
        var posts = new[]
        {
            Table(pages[0], (codes[0], e2), (codes[1], e3), (codes[2], e1)),
            Table(pages[1], (codes[0], e3), (codes[1], e2), (codes[3], e1)),
        };
        portal.Gate.Expect("batch", 2);
        var answers = await Task.WhenAll(posts.Select((values, i) => PostTogetherAsync(clerks[i], values)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a));

        var assignments = await portal.WithDbAsync(db => db.ExpertAssignments.AsNoTracking()
            .Where(e => db.ClosureApplications.Any(a => a.Id == e.ApplicationId && codes.Contains(a.Project.Code)))
            .Select(e => new { Code = db.ClosureApplications.Where(a => a.Id == e.ApplicationId).Select(a => a.Project.Code).Single(), e.ExpertUserId })
            .ToListAsync());
        Assert.Single(assignments, a => a.Code == codes[0]);
        Assert.Single(assignments, a => a.Code == codes[1]);
        var open = await portal.WithDbAsync(db => ExpertPool.OpenLoadAsync(db, CancellationToken.None));
        Assert.All(new[] { e1, e2, e3 }, e => Assert.Equal(1, open.GetValueOrDefault(e)));
        // Of the two rows where only the cap stood between them, exactly one was assigned.
        Assert.Equal(1, assignments.Count(a => a.Code == codes[2] || a.Code == codes[3]));

        // Every refused row is named to the clerk who posted it, in Chinese, and is still at intake.
        var failures = (await Task.WhenAll(clerks.Select(async c => (await c.GetAsync("/Review/Batch")).Document
            .QuerySelectorAll("[data-testid=batch-failures] li").Select(li => li.TextContent).ToList()))).SelectMany(f => f).ToList();
        Assert.Equal(6 - assignments.Count, failures.Count);
        Assert.All(failures, f => Assert.Matches("^BZ25YB87[2-5]：.*本项未分配|^BZ25YB87[2-5]：.*在审任务已达上限", f));
        foreach (var code in codes.Where(c => assignments.All(a => a.Code != c)))
            Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, code)).Status);
    }

    /// <summary>The page's form with only the rows of <paramref name="choices"/> ticked, each with its one expert.</summary>
    private static Dictionary<string, string> Table(Browser.Page page, params (string Code, string Expert)[] choices)
    {
        var values = Unticked(page, out var form);
        foreach (var (code, expert) in choices)
        {
            var index = IndexOf(form, code);
            values[$"Rows[{index}].Include"] = "true";
            values[$"Rows[{index}].Experts[0]"] = expert;
        }
        return values;
    }

    /// <summary>The page's form with only <paramref name="code"/>'s row ticked, as proposed; and that row's index.</summary>
    private static (Dictionary<string, string> Values, string Index) OnlyRow(Browser.Page page, string code)
    {
        var values = Unticked(page, out var form);
        var index = IndexOf(form, code);
        values[$"Rows[{index}].Include"] = "true";
        return (values, index);
    }

    private static Dictionary<string, string> Unticked(Browser.Page page, out IHtmlFormElement form)
    {
        form = page.Document.QuerySelector<IHtmlFormElement>("form[data-form=batch-assign]")!;
        var values = Browser.FormValues(form);
        foreach (var key in values.Keys.Where(k => k.EndsWith(".Include", StringComparison.Ordinal)).ToList()) values.Remove(key);
        return values;
    }

    private static string IndexOf(IHtmlFormElement form, string code)
    {
        var name = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Single(i => i.Name!.EndsWith(".Code", StringComparison.Ordinal) && i.Value == code).Name!;
        return name["Rows[".Length..name.IndexOf(']', StringComparison.Ordinal)];
    }

    private async Task<HttpStatusCode> PostTogetherAsync(Browser clerk, Dictionary<string, string> values)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Review/Batch") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add(SimultaneousGate.Header, "batch");
        using var response = await clerk.Client.SendAsync(request);
        return response.StatusCode;
    }

    internal static async Task AddExpertAsync(Browser admin, string user, string name, string unit, string fields = "党的建设")
    {
        var saved = await admin.SubmitAsync(await admin.GetAsync("/Admin/Experts/Edit"), new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.DisplayName"] = name, ["Input.WorkUnit"] = unit, ["Input.ProfessionalTitle"] = "教授",
            ["Input.Fields"] = fields, ["Input.Phone"] = "0827-5261234", ["Input.Email"] = "", ["Input.DeclaredConflicts"] = "",
        }, "form[data-form=expert]");
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
    }

    /// <summary>Signs 二 and 三 through the intent methods (as <see cref="ReviewKit.SubmitAsync"/> submits), whatever the unit's county.</summary>
    internal static Task ToIntakeByIntentAsync(PortalFactory portal, string code) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var application = await ReviewLoading.LoadAsync(db, code, CancellationToken.None) ?? throw new InvalidOperationException(code);
        var unit = await db.Users.SingleAsync(u => u.UserName == "unit.bzdx");
        var county = await db.Users.SingleAsync(u => u.UserName == "skl.bazhou");
        var opinion = new OpinionInput(false, true, null, "同意。");
        application.ApproveByUnit(new ReviewActor(unit.Id, "李明", application.Project.Unit.Name), opinion, DateTimeOffset.UtcNow);
        if (application.Status == ApplicationStatus.CountyReview)
            application.ApproveByCounty(new ReviewActor(county.Id, "赵静", "县区社科联"), opinion, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    });
}
