using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Admin.Projects.RegisterKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>操作日志: each staff action on accounts and the register leaves who, when and what; the page reads it back, paged.</summary>
public class StaffAuditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Account_and_register_actions_each_leave_an_audit_record_shown_on_the_audit_page()
    {
        var admin = await SignInAsync(portal, "admin");
        var before = (await DeskKit.StaffAuditAsync(portal)).Count;
        var started = DateTimeOffset.UtcNow;

        // 新建账户
        var create = await admin.GetAsync("/Admin/Users/Create");
        var unitId = create.Document.QuerySelectorAll<IHtmlOptionElement>("select[name='Input.UnitId'] option").Single(o => o.Text.Trim() == PartySchoolBazhou).Value;
        var created = await admin.SubmitAsync(create, new Dictionary<string, string>
        {
            ["Input.UserName"] = "audit.reviewer", ["Input.DisplayName"] = "审计审核人", ["Input.RealName"] = "王审计", ["Input.Role"] = Roles.UnitReviewer,
            ["Input.UnitId"] = unitId, ["Input.RegionId"] = "", ["Input.InitialPassword"] = "Start2026a",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);

        // 重置密码
        var reset = await admin.GetAsync("/Admin/Users/ResetPassword/audit.reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(reset, new Dictionary<string, string> { ["Input.NewPassword"] = "Again2026b" })).Status);

        // 解除锁定
        var users = await admin.GetAsync("/Admin/Users");
        var token = users.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var unlock = await admin.Client.PostAsync("/Admin/Users?handler=Unlock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "audit.reviewer",
        }));
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);

        // 登记项目 (form) and 导入项目 (Excel)
        var form = await admin.GetAsync(CreatePage);
        var registered = await admin.SubmitAsync(form, ValidForm(form, "BZ25YB901", "审计登记项目").ToDictionary(f => f.Key, f => f.Value ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var imported = await UploadAsync(admin, "登记.xlsx", Workbook(SheetRow("BZ25YB902", "导入项目甲"), SheetRow("BZ25YB903", "导入项目乙")));
        Assert.Equal(HttpStatusCode.OK, imported.Status);

        var audit = (await DeskKit.StaffAuditAsync(portal)).Skip(before).ToList();
        Assert.Equal(
            [nameof(StaffAction.AccountCreated), nameof(StaffAction.PasswordReset), nameof(StaffAction.AccountUnlocked),
             nameof(StaffAction.ProjectRegistered), nameof(StaffAction.ProjectsImported)],
            audit.Select(e => e.Action).ToArray());
        Assert.All(audit, e =>
        {
            Assert.Equal("市社科联管理员", e.ActorName);
            Assert.Equal("admin", e.Account);
            Assert.InRange(e.At, started, DateTimeOffset.UtcNow);
        });
        Assert.Contains("audit.reviewer", audit[0].Note);
        Assert.Contains("单位审核人", audit[0].Note);
        Assert.Contains("BZ25YB901", audit[3].Note);
        Assert.Contains("BZ25YB902、BZ25YB903", audit[4].Note);
        // A password never reaches the trail.
        Assert.DoesNotContain(audit, e => e.Note.Contains("Start2026a") || e.Note.Contains("Again2026b"));

        var page = await admin.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var newest = page.Document.QuerySelectorAll("tbody tr").First();
        Assert.Equal(nameof(StaffAction.ProjectsImported), newest.GetAttribute("data-action"));
        Assert.Contains("导入项目", newest.TextContent);
        var filtered = await admin.GetAsync($"/Admin/Audit?event={nameof(StaffAction.PasswordReset)}");
        var row = Assert.Single(filtered.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("audit.reviewer", row.TextContent);
    }

    [Fact]
    public async Task The_audit_page_is_paged_on_the_server()
    {
        var admin = await SignInAsync(portal, "admin");
        for (var i = 0; i < 23; i++)
        {
            var page = await admin.GetAsync("/Admin/Units");
            var region = page.Document.QuerySelectorAll<IHtmlOptionElement>("select[name='Input.RegionId'] option").Last().Value;
            await admin.SubmitAsync(page, new Dictionary<string, string> { ["Input.Name"] = $"分页测试单位{i:00}", ["Input.RegionId"] = region }, "form[data-form=add-unit]");
        }
        Assert.True((await DeskKit.StaffAuditAsync(portal)).Count >= 23);
        // The page lists the whole security audit: the sign-in and the staff actions.
        var total = await portal.WithDbAsync(db => db.SecurityEvents.CountAsync());

        var first = await admin.GetAsync("/Admin/Audit");
        Assert.Equal(20, first.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("分页测试单位22", first.Document.QuerySelector("tbody tr")!.TextContent);
        var last = (total + 19) / 20;
        var lastPage = await admin.GetAsync($"/Admin/Audit?p={last}");
        Assert.Equal(total - (last - 1) * 20, lastPage.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"共 {total} 条，第 {(last - 1) * 20 + 1}–{total} 条", lastPage.Document.QuerySelector("nav.list-pager")!.TextContent);
        var next = first.Document.QuerySelectorAll("nav.list-pager a").Single(a => a.TextContent.Trim() == "下一页").GetAttribute("href");
        Assert.Equal("/Admin/Audit?p=2", next);
        var second = await admin.GetAsync(next!);
        var firstIds = first.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToHashSet();
        Assert.DoesNotContain(second.Document.QuerySelectorAll("tbody tr"), r => firstIds.Contains(r.TextContent));
    }
}
