using System.Net;
using AngleSharp.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.IntegrationTests.Workspace;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Projects;

/// <summary>
/// 项目变更 through the pages: asked by the leader, agreed by the unit, approved by the city federation; the approved values
/// are the closure form's “现” side marked with the approval's date, and a change typed without approval is marked.
/// </summary>
public class ChangeRequestTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private const string NewTitle = "巴中红色文化资源数字化保护与传播路径研究";

    /// <summary>The leader asks through the change page for <paramref name="item"/> with <paramref name="fields"/>.</summary>
    private static async Task<Browser.Page> AskAsync(Browser researcher, string code, ProjectChangeItem item, Dictionary<string, string> fields,
        string reason = "课题组研究重点调整，需变更。")
    {
        var form = await researcher.GetAsync($"/projects/{code}/change");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        fields["Input.Items"] = item.ToString();
        fields["Input.Reason"] = reason;
        return await researcher.SubmitAsync(form, fields, "form[data-form=change]");
    }

    /// <summary>The approval mark of the change table's row <paramref name="label"/>, or null when it carries none.</summary>
    private static string? Mark(Browser.Page page, string label) =>
        page.Document.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("th")?.TextContent.Trim() == label)
            .QuerySelector("[data-testid=approval]")?.TextContent.Trim();

    private static Task<Browser.Page> AskTitleAsync(Browser researcher, string code, string title = NewTitle) =>
        AskAsync(researcher, code, ProjectChangeItem.Title, new Dictionary<string, string> { ["Input.Title"] = title });

    private async Task ApproveAsync(string code)
    {
        var id = await OpenRequestIdAsync(portal, code);
        await DecideOkAsync(await SignInAsync(portal, "unit.bzdx"), id, "unit-agree", "情况属实，同意变更。");
        await DecideOkAsync(await SignInAsync(portal, "admin"), id, "approve", "同意。");
    }

    [Fact]
    public async Task An_approved_change_is_the_forms_current_side_marked_with_its_approval_date_on_the_page_and_in_the_pdf()
    {
        await AddProjectAsync(portal, "BZ25YB721", Today(portal).AddDays(60));
        var researcher = await SignInAsync(portal, "yangzhuo");

        var asked = await AskTitleAsync(researcher, "BZ25YB721");
        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.Text);
        Assert.Contains($"项目名称（结项成果名称）变更为“{NewTitle}”",
            (await researcher.GetAsync("/projects/BZ25YB721")).Document.QuerySelector("[data-testid=change-line]")!.TextContent);
        await ApproveAsync("BZ25YB721");

        var approvedOn = ProjectChange.FormatDate(Today(portal));
        Assert.Equal(NewTitle, (await LoadAsync(portal, "BZ25YB721")).ResultTitle);
        var details = await researcher.GetAsync("/applications/BZ25YB721");
        Assert.Equal($"{approvedOn}经市社科联批准变更", Mark(details, "项目名称"));
        var pdf = PdfText(await researcher.Client.GetByteArrayAsync("/applications/BZ25YB721/print/a4.pdf"));
        Assert.Contains(NewTitle, pdf);
        Assert.Contains($"（{approvedOn}经市社科联批准变更）", pdf);

        // The leader was told, and the decision is in the staff audit with what it changed.
        Assert.Contains("项目变更申请 BZ25YB721 已批准", (await researcher.GetAsync("/Notices")).Text);
        var audit = await portal.WithDbAsync(db => db.SecurityEvents.Where(e => e.Kind == "ChangeApproved" && e.Target.StartsWith("BZ25YB721"))
            .Select(e => e.Detail).ToListAsync());
        Assert.Contains(NewTitle, Assert.Single(audit));
    }

    [Fact]
    public async Task A_change_typed_in_the_form_that_no_approval_covers_is_marked_for_the_reviewers()
    {
        await AddProjectAsync(portal, "BZ25YB722", Today(portal).AddDays(60));
        // Approved: a new title. Typed afterwards in the form: another title and a new output form, neither approved.
        Assert.Equal(HttpStatusCode.Redirect, (await AskTitleAsync(await SignInAsync(portal, "yangzhuo"), "BZ25YB722")).Status);
        await ApproveAsync("BZ25YB722");
        await SubmitAsync(portal, "BZ25YB722", a =>
        {
            a.ResultTitle = "另一个未经批准的成果名称";
            a.CurrentOutputForm = "专著 1 部";
        });

        var review = await OpenAsync(await SignInAsync(portal, "unit.bzdx"), "BZ25YB722");
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Equal("未经变更审批", Mark(review, "项目名称"));
        Assert.Equal("未经变更审批", Mark(review, "成果形式"));
        Assert.Null(Mark(review, "完成时间")); // a date needs no change request
        Assert.Contains($"改为“专著 1 部”{ApprovedChanges.UnapprovedMark}", review.Text);
    }

    [Fact]
    public async Task A_change_is_neither_asked_nor_approved_while_the_closure_is_in_review_and_the_form_keeps_its_values()
    {
        await AddProjectAsync(portal, "BZ25YB723", Today(portal).AddDays(60));
        var researcher = await SignInAsync(portal, "yangzhuo");
        Assert.Equal(HttpStatusCode.Redirect, (await AskTitleAsync(researcher, "BZ25YB723")).Status);
        var id = await OpenRequestIdAsync(portal, "BZ25YB723");
        await DecideOkAsync(await SignInAsync(portal, "unit.bzdx"), id, "unit-agree");
        var before = (await LoadAsync(portal, "BZ25YB723")).ResultTitle;
        await SubmitAsync(portal, "BZ25YB723");

        var approve = await DecideAsync(await SignInAsync(portal, "admin"), id, "approve", "同意。");
        Assert.Equal(HttpStatusCode.OK, approve.Status);
        Assert.Contains("审核期间不能批准项目变更", approve.Text);
        Assert.Equal(ProjectRequestStatus.UnitAgreed, (await RequestAsync(portal, id)).Status);
        Assert.Equal(before, (await LoadAsync(portal, "BZ25YB723")).ResultTitle);

        var page = await researcher.GetAsync("/projects/BZ25YB723/change");
        Assert.Contains("审核期间不能申请项目变更", page.Document.QuerySelector("[data-testid=refusal]")!.TextContent);
        Assert.Null(page.Document.QuerySelector("form[data-form=change]"));
        Assert.Null((await researcher.GetAsync("/projects/BZ25YB723")).Document.QuerySelector("a[href$='/change']"));
    }

    [Fact]
    public async Task Bad_input_gets_its_message_in_chinese_and_keeps_what_was_typed()
    {
        await AddProjectAsync(portal, "BZ25YB724", Today(portal).AddDays(60));
        var researcher = await SignInAsync(portal, "yangzhuo");

        var form = await researcher.GetAsync("/projects/BZ25YB724/change");
        var noItem = await researcher.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "理由写好了。" }, "form[data-form=change]");
        Assert.Equal(HttpStatusCode.OK, noItem.Status);
        Assert.Contains("请至少选择一项变更内容。", noItem.Text);
        Assert.Contains("理由写好了。", noItem.Document.QuerySelector("#reason")!.TextContent);

        var same = await AskTitleAsync(researcher, "BZ25YB724", (await LoadAsync(portal, "BZ25YB724")).ResultTitle);
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Contains("与现有内容相同，无需申请：项目名称", same.Text);

        var noMembersReason = await AskAsync(researcher, "BZ25YB724", ProjectChangeItem.Members,
            new Dictionary<string, string> { ["Input.Members[0].Name"] = "赵六", ["Input.Members[0].Unit"] = "", ["Input.Members[0].Title"] = "讲师", ["Input.Members[0].Phone"] = "13881600009" },
            reason: "");
        Assert.Equal(HttpStatusCode.OK, noMembersReason.Status);
        Assert.Contains("请填写变更理由", noMembersReason.Text);
        Assert.Contains("参与人员（第 1 行）单位", noMembersReason.Text);
        Assert.Equal("赵六", noMembersReason.Document.QuerySelector("input[name='Input.Members[0].Name']")!.GetAttribute("value"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.ProjectRequests.CountAsync(r => r.Project.Code == "BZ25YB724")));
    }

    [Fact]
    public async Task Simultaneous_change_requests_open_exactly_one()
    {
        await AddProjectAsync(portal, "BZ25YB725", Today(portal).AddDays(60));
        var browsers = new List<Browser>();
        var forms = new List<Browser.Page>();
        for (var i = 0; i < 4; i++)
        {
            var browser = await SignInAsync(portal, "yangzhuo");
            browsers.Add(browser);
            forms.Add(await browser.GetAsync("/projects/BZ25YB725/change"));
        }

        var answers = await Task.WhenAll(browsers.Select((b, i) => b.SubmitAsync(forms[i], new Dictionary<string, string>
        {
            ["Input.Items"] = nameof(ProjectChangeItem.Title),
            ["Input.Title"] = $"{NewTitle}（第 {i + 1} 稿）",
            ["Input.Reason"] = "研究重点调整。",
        }, "form[data-form=change]")));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a => Assert.Contains(RequestChange.OpenRequestMessage, a.Text));
        Assert.Equal(1, await portal.WithDbAsync(db => db.ProjectRequests.CountAsync(r => r.Project.Code == "BZ25YB725")));
    }

    [Fact]
    public async Task An_approved_change_of_unit_moves_the_project_and_its_review_to_the_new_unit()
    {
        await AddProjectAsync(portal, "BZ25YB726", Today(portal).AddDays(60));
        var researcher = await SignInAsync(portal, "yangzhuo");
        var form = await researcher.GetAsync("/projects/BZ25YB726/change");
        var other = form.Document.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlOptionElement>("select[name='Input.UnitId'] option")
            .First(o => o.Value.Length > 0 && o.Text != PartySchoolBazhou);
        var asked = await AskAsync(researcher, "BZ25YB726", ProjectChangeItem.Unit, new Dictionary<string, string> { ["Input.UnitId"] = other.Value });
        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.Text);
        await ApproveAsync("BZ25YB726");

        var project = await ProjectAsync(portal, "BZ25YB726");
        Assert.Equal(int.Parse(other.Value, System.Globalization.CultureInfo.InvariantCulture), project.UnitId);
        Assert.Equal(other.Text.Trim(), (await LoadAsync(portal, "BZ25YB726")).CurrentLeader.Unit);
    }
}
