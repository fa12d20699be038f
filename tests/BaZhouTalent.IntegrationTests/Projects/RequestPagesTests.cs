using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.IntegrationTests.Workspace;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Projects;

/// <summary>
/// The request pages as their users meet them: 申请延期 offered only where it can succeed (the project page and the
/// form saying the same reason otherwise), and the reviewers' decision page (equal choices, none preselected, back to
/// the list they came from).
/// </summary>
public class RequestPagesTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    public enum Blocked { DatePassed, RequestOpen, TwoApproved, MonthsUsedUp }

    [Theory]
    [InlineData(Blocked.DatePassed, "计划完成时间（")]
    [InlineData(Blocked.RequestOpen, "已有一项延期申请正在办理")]
    [InlineData(Blocked.TwoApproved, "已获批延期 2 次，最多只能延期 2 次")]
    [InlineData(Blocked.MonthsUsedUp, "累计延期已达 12 个月的上限")]
    public async Task Extension_is_offered_only_where_it_can_succeed_and_otherwise_the_page_says_why(Blocked blocked, string reason)
    {
        var today = Today(portal);
        var code = "BZ25YB8" + (60 + (int)blocked).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var planned = blocked == Blocked.DatePassed ? today.AddDays(-1) : today.AddDays(20);
        await AddProjectAsync(portal, code, planned, withDraft: false);
        var researcher = await SignInAsync(portal, "yangzhuo");

        // Before: the project page offers it (the same project, nothing in the way).
        if (blocked != Blocked.DatePassed)
            Assert.NotNull((await researcher.GetAsync($"/projects/{code}")).Document.QuerySelector($"a[href='/projects/{code}/extend']"));

        switch (blocked)
        {
            case Blocked.RequestOpen:
                Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, code, today.AddDays(60), "需补充调研。")).Status);
                break;
            case Blocked.TwoApproved:
                await ExtendAsync(portal, code, planned.AddMonths(2));
                await ExtendAsync(portal, code, planned.AddMonths(4));
                break;
            case Blocked.MonthsUsedUp:
                await ExtendAsync(portal, code, planned.AddMonths(12));
                break;
        }

        var file = await researcher.GetAsync($"/projects/{code}");
        Assert.Null(file.Document.QuerySelector($"a[href='/projects/{code}/extend']"));
        var why = file.Document.QuerySelectorAll("[data-testid=not-offered]").Select(p => p.TextContent.Trim())
            .Single(t => t.StartsWith("申请延期：", StringComparison.Ordinal));
        Assert.Contains(reason, why);
        // The form, reached by its address, refuses with the very same words and offers no form.
        var form = await researcher.GetAsync($"/projects/{code}/extend");
        Assert.Equal(why["申请延期：".Length..], form.Document.QuerySelector("[data-testid=refusal]")!.TextContent.Trim());
        Assert.Null(form.Document.QuerySelector("form[data-form=extend]"));
    }

    [Fact]
    public async Task A_reviewer_chooses_between_equal_options_none_preselected_and_returns_to_the_waiting_list()
    {
        var today = Today(portal);
        const string code = "BZ25YB871";
        await AddProjectAsync(portal, code, today.AddDays(20));
        var researcher = await SignInAsync(portal, "yangzhuo");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(researcher, code, today.AddDays(80), "需补充调研。")).Status);
        var id = await OpenRequestIdAsync(portal, code);

        // The unit: from its waiting list to the request, where agreeing and refusing are the same kind of choice.
        var unit = await SignInAsync(portal, "unit.bzdx");
        var link = (await unit.GetAsync("/Requests/Unit")).Document.QuerySelector($"tr[data-request='{id}'] a")!.GetAttribute("href")!;
        var page = await unit.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertEqualChoices(page, id, ["unit-agree", "unit-refuse"]);

        // Nothing chosen: said so, and the opinion typed is kept.
        var unchosen = await unit.SubmitAsync(page, new Dictionary<string, string> { ["Opinion"] = "情况属实。" }, "form[data-form=decide]");
        Assert.Equal(HttpStatusCode.OK, unchosen.Status);
        Assert.Contains("请选择办理意见。", unchosen.Text);
        Assert.Equal("情况属实。", unchosen.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name=Opinion]")!.Value);
        Assert.Equal(ProjectRequestStatus.Requested, (await RequestAsync(portal, id)).Status);

        var agreed = await unit.SubmitAsync(unchosen, new Dictionary<string, string> { ["Decision"] = "unit-agree" }, "form[data-form=decide]");
        Assert.Equal("/Requests/Unit", agreed.RedirectTarget);
        var list = await unit.GetAsync(agreed.RedirectTarget!);
        Assert.Contains("已同意该申请，已报市社科联审批。", list.Document.QuerySelector(".alert-success")!.TextContent);
        Assert.Null(list.Document.QuerySelector($"tr[data-request='{id}']"));
        Assert.Equal("情况属实。", (await RequestAsync(portal, id)).UnitOpinion);

        // The federation likewise; refusing without a reason is refused, then decided with one.
        var admin = await SignInAsync(portal, "admin");
        link = (await admin.GetAsync("/Requests/Federation")).Document.QuerySelector($"tr[data-request='{id}'] a")!.GetAttribute("href")!;
        page = await admin.GetAsync(link);
        AssertEqualChoices(page, id, ["approve", "refuse"]);
        var noReason = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Decision"] = "refuse" }, "form[data-form=decide]");
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("须填写意见", noReason.Text);
        Assert.True(noReason.Document.QuerySelector<IHtmlInputElement>("input[name=Decision][value=refuse]")!.IsChecked, noReason.Html);
        var refused = await admin.SubmitAsync(noReason, new Dictionary<string, string> { ["Opinion"] = "不符合延期条件" }, "form[data-form=decide]");
        Assert.Equal("/Requests/Federation", refused.RedirectTarget);
        Assert.Contains("已作出不予批准的决定", (await admin.GetAsync(refused.RedirectTarget!)).Document.QuerySelector(".alert-success")!.TextContent);

        // The leader reads who decided what, in plain words.
        var file = await researcher.GetAsync($"/projects/{code}");
        Assert.Equal("市社科联不予批准", file.Document.QuerySelector("[data-testid=request-outcome]")!.TextContent.Trim());
        // People by their names, as the signatures print them, not by the accounts' labels.
        var row = file.Document.QuerySelector($"tr[data-request='{id}']")!.TextContent;
        Assert.Contains("杨卓，", row);
        Assert.Contains("李明，", row);
        Assert.Contains("王建华，", row);
        Assert.DoesNotContain("审核人", row);
        Assert.DoesNotContain("管理员", row);
        Assert.Contains($"项目 {code}“测试项目{code}”的延期申请，市社科联不予批准：不符合延期条件。详见项目情况页。", (await researcher.GetAsync("/Notices")).Text);
    }

    private static void AssertEqualChoices(Browser.Page page, int id, string[] slugs)
    {
        var radios = page.Document.QuerySelectorAll<IHtmlInputElement>("form[data-form=decide] input[name=Decision][type=radio]").ToList();
        Assert.Equal(slugs, radios.Select(r => r.Value).ToArray());
        Assert.All(radios, r => Assert.False(r.IsChecked, $"{r.Value} preselected"));
        // One submit button; no action hidden away as a link to its own page.
        Assert.Single(page.Document.QuerySelectorAll("form[data-form=decide] button[type=submit]"));
        Assert.Empty(page.Document.QuerySelectorAll($"main a[href^='/requests/{id}/']"));
    }
}
