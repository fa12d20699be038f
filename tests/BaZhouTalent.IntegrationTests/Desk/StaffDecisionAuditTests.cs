using System.Net;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// Every decision the federation's staff take leaves exactly one record in the security audit (审计日志), with who, when and on what:
/// account edits, extension and termination requests decided, exemption granted or refused, deferral, expert
/// assignment, conclusion and rejection — each made through its own page as staff make it.
/// </summary>
public class StaffDecisionAuditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Award = "成果获省部级二等奖及以上奖励";

    [Fact]
    public async Task Each_staff_decision_leaves_exactly_one_record_shown_on_the_audit_page()
    {
        var admin = await SignInAsync(portal, "admin");
        var unit = await SignInAsync(portal, "unit.bzdx");
        var researcher = await SignInAsync(portal, "yangzhuo");
        var later = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);

        // 修改账户资料
        await CreateUserAsync(portal, "audit.edited", "待修改账户", Application.Security.Roles.UnitReviewer, PartySchoolBazhou);
        await OneRecordAsync(StaffAction.AccountEdited, ["audit.edited", "姓名：（空） → 赵审计", "职务：（空） → 科员"], async () =>
        {
            var edit = await admin.GetAsync("/Admin/Users/Edit/audit.edited");
            var saved = await admin.SubmitAsync(edit, new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "待修改账户", ["Input.RealName"] = "赵审计", ["Input.Post"] = "科员", ["Input.Email"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        });

        // 批准延期, 不批准延期
        await AddProjectAsync(portal, "BZ25YB981", later);
        await AddProjectAsync(portal, "BZ25YB982", later);
        foreach (var (code, slug, action) in new[] { ("BZ25YB981", "approve", StaffAction.ExtensionApproved), ("BZ25YB982", "refuse", StaffAction.ExtensionRefused) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, code, later.AddMonths(3), "资料收集需要更多时间。")).Status);
            var id = await OpenRequestIdAsync(portal, code);
            await DecideOkAsync(unit, id, "unit-agree", "同意。");
            await OneRecordAsync(action, [code, "决定意见" + code], () => DecideOkAsync(admin, id, slug, "决定意见" + code));
        }

        // 不批准撤项申请
        await AddProjectAsync(portal, "BZ25YB983", later);
        var form = await unit.GetAsync("/projects/BZ25YB983/request-termination");
        Assert.Equal(HttpStatusCode.Redirect, (await unit.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "负责人调离。" }, "form[data-form=request-termination]")).Status);
        var termination = await OpenRequestIdAsync(portal, "BZ25YB983");
        await OneRecordAsync(StaffAction.TerminationRefused, ["BZ25YB983", "不同意撤项"], () => DecideOkAsync(admin, termination, "refuse", "不同意撤项，请督促完成。"));

        // 不同意免于鉴定, then 分配鉴定专家; 同意免于鉴定, then 暂缓结项, 同意结项, 不予结项.
        foreach (var code in new[] { "BZ25YB984", "BZ25YB985", "BZ25YB986", "BZ25YB987" })
            await ExemptionAtIntakeAsync(researcher, code);
        await OneRecordAsync(StaffAction.ExemptionRefused, ["BZ25YB984", "获奖等级不符"], () => DecideExemptionAsync(admin, "BZ25YB984", grant: false));
        await OneRecordAsync(StaffAction.ExpertsAssigned, ["BZ25YB984", "张立新（主审）"], async () =>
            await ActOkAsync(admin, "BZ25YB984", "assign", await ExpertsAsync(portal, "expert.1", "expert.1")));
        foreach (var code in new[] { "BZ25YB985", "BZ25YB986", "BZ25YB987" })
            await OneRecordAsync(StaffAction.ExemptionGranted, [code, "良好"], () => DecideExemptionAsync(admin, code, grant: true));
        await OneRecordAsync(StaffAction.ClosureDeferred, ["BZ25YB985", "请补充调研数据"], async () =>
        {
            var defer = await admin.GetAsync("/Review/Defer/BZ25YB985");
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, defer, "defer",
                new Dictionary<string, string> { ["Input.Reason"] = "请补充调研数据。", ["Input.Days"] = "30" })).Status);
        });
        await OneRecordAsync(StaffAction.ClosureConcluded, ["BZ25YB986", "巴社科结〔"], () => ActOkAsync(admin, "BZ25YB986", "decide",
            new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" }));
        await OneRecordAsync(StaffAction.ClosureRejected, ["BZ25YB987", "成果未达到要求"], () => ActOkAsync(admin, "BZ25YB987", "decide",
            new Dictionary<string, string> { ["Input.Approve"] = "false", ["Input.Opinion"] = "成果未达到要求。" }));

        // The page reads them back, newest first, and filters by each new action.
        var page = await admin.GetAsync("/Admin/Audit");
        Assert.Equal(nameof(StaffAction.ClosureRejected), page.Document.QuerySelector("tbody tr")!.GetAttribute("data-action"));
        Assert.Contains("不予结项", page.Document.QuerySelector("tbody tr")!.TextContent);
        var filtered = await admin.GetAsync($"/Admin/Audit?event={nameof(StaffAction.ExtensionApproved)}");
        Assert.Contains("BZ25YB981", Assert.Single(filtered.Document.QuerySelectorAll("tbody tr")).TextContent);
    }

    /// <summary>Runs one decision and asserts that it added exactly one staff record, of <paramref name="action"/>, by the admin, naming each of <paramref name="mentions"/>.</summary>
    private async Task OneRecordAsync(StaffAction action, string[] mentions, Func<Task> decide)
    {
        var before = (await DeskKit.StaffAuditAsync(portal)).Count;
        var started = DateTimeOffset.UtcNow;
        await decide();
        var added = (await DeskKit.StaffAuditAsync(portal)).Skip(before).ToList();
        var entry = Assert.Single(added);
        Assert.Equal(action.ToString(), entry.Action);
        Assert.Equal("admin", entry.Account);
        Assert.Equal("市社科联管理员", entry.ActorName);
        Assert.InRange(entry.At, started, DateTimeOffset.UtcNow);
        foreach (var mention in mentions)
            Assert.Contains(mention, entry.Note);
    }

    /// <summary>A draft that asks for 免于鉴定 with its evidence, submitted and signed by the unit: at the federation's intake.</summary>
    private async Task ExemptionAtIntakeAsync(Browser researcher, string code)
    {
        await portal.WithDbAsync(async db => { await Hardening.ReadyDrafts.AddAsync(db, [code]); return 0; });
        var page = await researcher.GetAsync($"/applications/{code}/edit/exemption");
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Requested"] = "true", ["Input.Ground"] = Award, ["Input.Description"] = "省级二等奖。",
        })).Status);
        await AttachmentTests.UploadOkAsync(researcher, code, AttachmentKind.ExemptionEvidence, false, "获奖证书.pdf", AttachmentTests.Pdf("award" + code));
        await AttachmentTests.SubmitThroughThePageAsync(researcher, code);
        await ToIntakeAsync(portal, code);
    }

    private static async Task DecideExemptionAsync(Browser admin, string code, bool grant)
    {
        var decide = await admin.GetAsync($"/Review/Exemption/{code}");
        var fields = grant
            ? new Dictionary<string, string> { ["Input.Grant"] = "true", ["Input.Grade"] = "Good" }
            : new Dictionary<string, string> { ["Input.Grant"] = "false", ["Input.Opinion"] = "获奖等级不符合免于鉴定条件。" };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, decide, "exemption", fields)).Status);
    }
}
