using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Projects;

/// <summary>终止 / 撤项 through the pages: no closure afterwards, out of every queue, shown as 已终止 with its reason.</summary>
public class TerminationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Ground = "单位申请撤项";
    private const string Reason = "项目负责人调离，单位申请撤项。";

    [Fact]
    public async Task Termination_blocks_starting_submitting_and_reviewing_and_removes_the_project_from_queues()
    {
        var planned = new DateOnly(2026, 12, 31);
        await AddProjectAsync(portal, "BZ25YB801", planned, withDraft: false);
        await AddProjectAsync(portal, "BZ25YB802", planned);
        await AddProjectAsync(portal, "BZ25YB803", planned);
        await SubmitAsync(portal, "BZ25YB803");
        var unit = await SignInAsync(portal, "unit.bzdx");
        Assert.Contains("BZ25YB803", (await unit.GetAsync("/Review/Unit")).Text);
        Assert.Contains("BZ25YB803", (await unit.GetAsync("/")).Text);
        var stamp = (await LoadAsync(portal, "BZ25YB803")).ConcurrencyStamp;
        var openedBefore = await OpenAsync(unit, "BZ25YB803");

        var admin = await SignInAsync(portal, "admin");
        foreach (var code in new[] { "BZ25YB801", "BZ25YB802", "BZ25YB803" })
            await TerminateOkAsync(admin, code);

        // Starting: no button, and a stale page's post creates nothing.
        var researcher = await SignInAsync(portal, "yangzhuo");
        var mine = await researcher.GetAsync("/Projects");
        var row = mine.Document.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("BZ25YB801", StringComparison.Ordinal));
        Assert.Contains($"已终止（{Ground}）", row.TextContent);
        Assert.Null(row.QuerySelector("form"));
        var start = await ExtensionTests.PostAsync(researcher, "/Projects?handler=Start&code=BZ25YB801", []);
        Assert.Equal("/projects/BZ25YB801", start.RedirectTarget);
        Assert.Null((await ProjectAsync(portal, "BZ25YB801")).Application);
        Assert.DoesNotContain("BZ25YB802", (await researcher.GetAsync("/")).Text);
        // The leader and the unit were told (站内通知).
        Assert.Contains("项目 BZ25YB802 已终止", (await researcher.GetAsync("/Notices")).Text);
        Assert.Contains("项目 BZ25YB803 已终止", (await unit.GetAsync("/Notices")).Text);

        // Submitting: refused with the reason, the draft kept.
        var check = await researcher.GetAsync("/applications/BZ25YB802/submit");
        var submitted = await researcher.SubmitAsync(check, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, submitted.Status);
        Assert.Contains($"被市社科联终止（{Ground}），不能再办理结项", submitted.Text);
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(portal, "BZ25YB802")).Status);

        // In review: out of the unit's queue and 待办, and its actions refused.
        Assert.DoesNotContain("BZ25YB803", (await unit.GetAsync("/Review/Unit")).Text);
        Assert.DoesNotContain("BZ25YB803", (await unit.GetAsync("/")).Text);
        Assert.Null((await OpenAsync(unit, "BZ25YB803")).Document.QuerySelector("form[data-form=unit]"));
        var acted = await PostFormAsync(unit, openedBefore, "unit", Opinion(text: "同意报送。"));
        Assert.Contains("不能再办理结项", acted.Text);
        var application = await LoadAsync(portal, "BZ25YB803");
        Assert.Equal((ApplicationStatus.UnitReview, stamp), (application.Status, application.ConcurrencyStamp));

        // Shown as 已终止 with its ground in 结项管理, the dashboard, the project's file; recorded in the audit trail.
        var programme = await admin.GetAsync("/Programme?status=Terminated&q=BZ25YB80");
        var listed = programme.Document.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, listed.Count);
        Assert.All(listed, tr => Assert.Contains("已终止", tr.TextContent));
        Assert.All(listed, tr => Assert.Equal(Ground, tr.QuerySelector("[data-testid=termination-ground]")!.TextContent.Trim()));
        var dashboard = await admin.GetAsync("/Admin/Dashboard?year=2025");
        var terminatedRow = dashboard.Document.QuerySelectorAll("#table-status tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "已终止");
        var terminatedCount = await portal.WithDbAsync(db => db.FundedProjects.CountAsync(p => p.Year == 2025 && p.Lifecycle == ProjectLifecycleStatus.Terminated));
        Assert.True(terminatedCount >= 3);
        Assert.Equal(terminatedCount.ToString(System.Globalization.CultureInfo.InvariantCulture), terminatedRow.QuerySelector("td")!.TextContent.Trim());
        foreach (var user in new[] { researcher, unit })
        {
            var file = await user.GetAsync("/projects/BZ25YB803");
            var termination = file.Document.QuerySelector("[data-testid=termination]")!.TextContent;
            Assert.Contains(Ground, termination);
            Assert.Contains(Reason, termination);
            Assert.Null(file.Document.QuerySelector("a[href$='/extend']"));
        }
        Assert.Contains("终止项目", (await admin.GetAsync("/Admin/Audit?action=ProjectTerminated")).Text);
        Assert.Equal(3, await portal.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Kind == "ProjectTerminated" && e.Target.StartsWith("BZ25YB80"))));
    }

    [Fact]
    public async Task Termination_needs_a_ground_and_a_reason_and_keeps_what_was_typed()
    {
        await AddProjectAsync(portal, "BZ25YB811", new DateOnly(2026, 12, 31));
        var admin = await SignInAsync(portal, "admin");

        var form = await admin.GetAsync("/projects/BZ25YB811/terminate");
        var refused = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Ground"] = "", ["Input.Reason"] = "只写了理由。" }, "form[data-form=terminate]");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请选择终止理由类别", refused.Text);
        Assert.Equal("只写了理由。", refused.Document.QuerySelector("textarea[name='Input.Reason']")!.TextContent);
        Assert.Equal(ProjectLifecycleStatus.Active, (await ProjectAsync(portal, "BZ25YB811")).Lifecycle);

        await TerminateOkAsync(admin, "BZ25YB811");
        var again = await admin.GetAsync("/projects/BZ25YB811/terminate");
        Assert.Contains("不能终止", again.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
    }

    [Fact]
    public async Task The_unit_asks_to_terminate_and_the_federation_approval_terminates_the_project()
    {
        await AddProjectAsync(portal, "BZ25YB821", new DateOnly(2026, 12, 31));
        await CreateUserAsync(portal, "unit.foreign", "组织部审核人", Application.Security.Roles.UnitReviewer, OrganisationDepartmentBazhou);
        Assert.Equal("404", await ExtensionTests.OutcomeAsync(await SignInAsync(portal, "unit.foreign"), "GET", "/projects/BZ25YB821/request-termination"));
        Assert.Equal("302>/Error/403", await ExtensionTests.OutcomeAsync(await SignInAsync(portal, "yangzhuo"), "GET", "/projects/BZ25YB821/request-termination"));
        var unit = await SignInAsync(portal, "unit.bzdx");

        var form = await unit.GetAsync("/projects/BZ25YB821/request-termination");
        var empty = await unit.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = " " }, "form[data-form=request-termination]");
        Assert.Contains("请填写申请撤项的理由", empty.Text);
        var asked = await unit.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "负责人长期病休，无法完成研究。" }, "form[data-form=request-termination]");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Contains("已有一项撤项申请", (await unit.GetAsync("/projects/BZ25YB821/request-termination")).Document.QuerySelector("[data-testid=refusal]")!.TextContent);
        Assert.Equal(ProjectLifecycleStatus.Active, (await ProjectAsync(portal, "BZ25YB821")).Lifecycle);

        var admin = await SignInAsync(portal, "admin");
        var waiting = await admin.GetAsync("/Requests/Federation");
        var row = waiting.Document.QuerySelectorAll("tr[data-request]").Single(tr => tr.TextContent.Contains("BZ25YB821", StringComparison.Ordinal));
        Assert.Contains("撤项", row.TextContent);
        var id = int.Parse(row.GetAttribute("data-request")!, System.Globalization.CultureInfo.InvariantCulture);
        await DecideOkAsync(admin, id, "approve", "同意撤项。");

        var project = await ProjectAsync(portal, "BZ25YB821");
        Assert.Equal((ProjectLifecycleStatus.Terminated, TerminateProjectGround, "负责人长期病休，无法完成研究。"),
            (project.Lifecycle, project.TerminationGround, project.TerminationReason));
        Assert.Contains("不能再办理结项", (await (await SignInAsync(portal, "yangzhuo")).GetAsync("/applications/BZ25YB821")).Document
            .QuerySelector("[data-testid=terminated]")!.TextContent);
    }

    private const string TerminateProjectGround = Application.Projects.TerminateProject.UnitRequestGround;

    internal static async Task TerminateOkAsync(Browser admin, string code)
    {
        var form = await admin.GetAsync($"/projects/{code}/terminate");
        var done = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Ground"] = Ground, ["Input.Reason"] = Reason }, "form[data-form=terminate]");
        Assert.True(done.Status == HttpStatusCode.Redirect, done.Text);
    }
}
