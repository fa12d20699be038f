using System.Net;
using AngleSharp.Dom;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Researcher;

public class ChangeRecordPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/applications/" + Researchers.Code + "/edit/changes";

    // The register's values for BZ25YB027 (the seed's 原 side); each case posts all of them plus its change.
    private static Dictionary<string, string?> Register() => new()
    {
        ["Input.ResultTitle"] = "巴中市巴州区加快建设人才创新集聚地研究",
        ["Input.CurrentOutputForm"] = "论文 1 篇",
        ["Input.ActualCompletion"] = "2025-10-01",
        ["Input.Leader.Name"] = "杨卓",
        ["Input.Leader.Phone"] = "15282706916",
        ["Input.Leader.AdministrativePost"] = "常务副校长",
        ["Input.Participants[0].Name"] = "唐华林", ["Input.Participants[0].Unit"] = "中共巴中市巴州区委党校",
        ["Input.Participants[0].Title"] = "干部", ["Input.Participants[0].Phone"] = "19983661986",
        ["Input.Participants[1].Name"] = "李亚军", ["Input.Participants[1].Unit"] = "中共巴中市巴州区委组织部",
        ["Input.Participants[1].Title"] = "股长", ["Input.Participants[1].Phone"] = "18729767393",
        ["Input.Participants[2].Name"] = null, ["Input.Participants[2].Unit"] = null,
        ["Input.Participants[2].Title"] = null, ["Input.Participants[2].Phone"] = null,
        ["next"] = "false",
    };

    public static TheoryData<string, string, string[]> Cases() => new()
    {
        { "none", "B、否", [] },
        // Typed without an approved change request (项目变更), a change that needs one is marked for the reviewers.
        { "leader", "A、是", ["项目负责人：由 杨卓 变更为 王明（未经变更审批）"] },
        { "participants", "A、是", ["参与人员：新增 王某；移除 李亚军（未经变更审批）"] },
        { "form-and-date", "A、是", ["成果形式：由“论文 1 篇”改为“研究报告 1 篇”（未经变更审批）", "完成时间：由2025 年 10 月 1 日改为2025 年 9 月 20 日"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_derived_change_record_is_shown_field_by_field(string change, string choice, string[] lines)
    {
        var browser = await Researchers.SignInAsync(portal);
        var fields = Register();
        switch (change)
        {
            case "leader":
                fields["Input.Leader.Name"] = "王明";
                break;
            case "participants":
                fields["Input.Participants[1].Name"] = "王某";
                fields["Input.Participants[1].Unit"] = "巴中市社会科学界联合会";
                fields["Input.Participants[1].Title"] = "科员";
                fields["Input.Participants[1].Phone"] = "13900001111";
                break;
            case "form-and-date":
                fields["Input.CurrentOutputForm"] = "研究报告 1 篇";
                fields["Input.ActualCompletion"] = "2025-09-20";
                break;
        }

        var saved = await Forms.PostAsync(browser, await browser.GetAsync(Page), fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await Forms.FollowAsync(browser, saved);

        Assert.Contains(choice, page.Text);
        Assert.Equal(lines, page.Document.QuerySelectorAll(".change-lines li").Select(li => li.TextContent.Trim()));
        var details = await browser.GetAsync("/applications/" + Researchers.Code);
        Assert.Equal(lines, details.Document.QuerySelectorAll("#changes .change-lines li").Select(li => li.TextContent.Trim()));
    }
}
