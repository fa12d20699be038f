using AngleSharp.Dom;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Researcher;

public class FillAndSubmitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Base = "/applications/" + Researchers.Code;

    [Fact]
    public async Task Researcher_fills_every_section_saves_invalid_draft_fixes_it_previews_and_submits()
    {
        var browser = await Researchers.SignInAsync(portal);

        // 我的项目 leads to the application; its page offers the PDF preview in a new tab.
        var projects = await browser.GetAsync("/Projects");
        Assert.Contains(Base, projects.Links);
        var details = await browser.GetAsync(Base);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        var preview = details.Document.QuerySelector($"a[href='{Base}/print/a4.pdf']");
        Assert.NotNull(preview);
        Assert.Equal("_blank", preview!.GetAttribute("target"));

        // 封面与声明.
        var cover = await browser.GetAsync(Base + "/edit/cover");
        var afterCover = await Forms.PostAsync(browser, cover, new Dictionary<string, string?>
        {
            ["Input.FillDate"] = "2025-10-16", ["Input.Sensitive"] = "false", ["Input.Classified"] = "false",
            ["Input.DeclarationConfirmed"] = "true", ["next"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, afterCover.Status);
        Assert.EndsWith(Base + "/edit/changes", afterCover.RedirectTarget);

        // 变更情况: add a row, then save a draft with an invalid phone, a title holding markup and an unfinished row.
        var changes = await browser.GetAsync(Base + "/edit/changes");
        var withRow = await Forms.PostAsync(browser, changes, new Dictionary<string, string?> { ["row"] = "add" });
        Assert.Equal(HttpStatusCode.OK, withRow.Status);
        Assert.NotNull(withRow.Document.QuerySelector("input[name='Input.Participants[2].Name']"));
        const string markupTitle = "<script>alert('x')</script>巴州区人才集聚地研究";
        var invalid = await Forms.PostAsync(browser, withRow, new Dictionary<string, string?>
        {
            ["Input.ResultTitle"] = markupTitle,
            ["Input.Leader.Phone"] = "12345",
            ["Input.Participants[2].Name"] = "王某",
            ["Input.ActualCompletion"] = "2025-10-01",
            ["next"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("草稿已保存", invalid.Text);
        Assert.Contains("11 位手机号码", Forms.ErrorFor(invalid, "Input.Leader.Phone"));
        Assert.Equal("请填写参与人员（第 3 行）联系电话。", Forms.ErrorFor(invalid, "Input.Participants[2].Phone"));
        Assert.Equal("12345", invalid.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Leader_Phone")!.Value);
        var draft = await Researchers.LoadAsync(portal);
        Assert.Equal("12345", draft.CurrentLeader.Phone);
        Assert.Equal(markupTitle, draft.ResultTitle);
        Assert.Equal(["唐华林", "李亚军", "王某"], draft.CurrentParticipants.OrderBy(p => p.SortOrder).Select(p => p.Name));

        // The check page lists what is missing with links to the fields.
        var check = await browser.GetAsync(Base + "/submit");
        Assert.Contains(check.Document.QuerySelectorAll(".problem-list a"),
            a => a.GetAttribute("href") == Base + "/edit/changes#Input_Leader_Phone");
        Assert.NotNull(check.Document.QuerySelector("button[disabled]"));

        // Fix: a landline, the row completed, 李亚军 removed.
        var fixedPage = await Forms.PostAsync(browser, invalid, new Dictionary<string, string?>
        {
            ["Input.Leader.Phone"] = "0827-5261234",
            ["Input.Participants[2].Unit"] = "巴中市社会科学界联合会",
            ["Input.Participants[2].Title"] = "科员",
            ["Input.Participants[2].Phone"] = "13900001111",
            ["row"] = "remove:1",
        });
        Assert.Equal(HttpStatusCode.Redirect, fixedPage.Status);
        var changesAgain = await Forms.FollowAsync(browser, fixedPage);
        var lines = changesAgain.Document.QuerySelectorAll(".change-lines li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("参与人员：新增 王某；移除 李亚军（未经变更审批）", lines);
        Assert.Contains(lines, l => l.StartsWith("成果名称：", StringComparison.Ordinal));

        // 最终成果 pasted, with markup in it.
        var reportText = Researchers.SeedReportText() + "\n附注：<b>粗体</b><img src=x onerror=alert(1)>";
        var report = await browser.GetAsync(Base + "/edit/report");
        var savedReport = await Forms.PostAsync(browser, report, new Dictionary<string, string?>
        {
            ["Input.ReportText"] = reportText, ["next"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, savedReport.Status);

        // 保存并继续 leads to the (optional) attachments, whose next step is check, preview, submit.
        var attachments = await Forms.FollowAsync(browser, savedReport);
        Assert.EndsWith(Base + "/edit/attachments", attachments.Url);
        var submit = await browser.GetAsync(attachments.Document.QuerySelector("a.btn-primary[href$='/submit']")!.GetAttribute("href")!);
        Assert.EndsWith(Base + "/submit", submit.Url);
        Assert.Empty(submit.Document.QuerySelectorAll(".problem-list li"));
        Assert.NotNull(submit.Document.QuerySelector($"a[href='{Base}/print/a4.pdf'][target=_blank]"));
        Assert.DoesNotContain("<script>alert('x')</script>", submit.Html);
        Assert.DoesNotContain("<img src=x", submit.Html);
        Assert.Contains("&lt;script&gt;", submit.Html);
        var submitted = await browser.SubmitAsync(submit, new Dictionary<string, string>(), "form[method=post]:not([action$='/Account/Logout'])");
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var after = await Forms.FollowAsync(browser, submitted);
        Assert.Contains("待单位审核", after.Text);
        Assert.Contains("已提交", after.Text);

        // What is stored is what was entered, frozen as revision 1 with its fingerprint.
        var stored = await Researchers.LoadAsync(portal);
        var userId = await portal.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("yangzhuo"))!.Id);
        Assert.Equal(ApplicationStatus.UnitReview, stored.Status);
        Assert.NotNull(stored.SubmittedAt);
        Assert.Equal(new DateOnly(2025, 10, 16), stored.FillDate);
        Assert.False(stored.Sensitive);
        Assert.False(stored.Classified);
        Assert.True(stored.DeclarationConfirmed);
        Assert.Equal(markupTitle, stored.ResultTitle);
        Assert.Equal(new DateOnly(2025, 10, 1), stored.ActualCompletion);
        Assert.Equal("0827-5261234", stored.CurrentLeader.Phone);
        Assert.Equal(
            [("唐华林", "中共巴中市巴州区委党校", "干部", "19983661986"), ("王某", "巴中市社会科学界联合会", "科员", "13900001111")],
            stored.CurrentParticipants.OrderBy(p => p.SortOrder).Select(p => (p.Name, p.Unit, p.Title, p.Phone)));
        Assert.Equal(reportText.Replace("\r\n", "\n"), stored.ReportText);
        var revision = Assert.Single(stored.Revisions);
        Assert.Equal(1, revision.Round);
        Assert.Equal(userId, revision.SubmittedByUserId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(revision.Content))), revision.Fingerprint);
        Assert.Contains("0827-5261234", revision.Content);
        Assert.Contains(stored.History, h => h.Action == "Submit" && h.ToStatus == ApplicationStatus.UnitReview);

        // Read-only from now on: the section pages lead back, and a post changes nothing.
        var editAfter = await browser.GetAsync(Base + "/edit/cover");
        Assert.Equal(HttpStatusCode.Redirect, editAfter.Status);
        Assert.EndsWith(Base, editAfter.RedirectTarget);
        var lateDetails = await browser.NavigateAsync(Base + "/edit/changes");
        Assert.Contains("不能再修改", lateDetails.Text);
        Assert.Empty(lateDetails.Document.QuerySelectorAll($"a[href='{Base}/edit/cover']"));
        var latePost = await Forms.PostAsync(browser, changesAgain, new Dictionary<string, string?> { ["Input.ResultTitle"] = "改过的题目" });
        Assert.Equal(HttpStatusCode.Redirect, latePost.Status);
        Assert.Equal(markupTitle, (await Researchers.LoadAsync(portal)).ResultTitle);
    }
}
