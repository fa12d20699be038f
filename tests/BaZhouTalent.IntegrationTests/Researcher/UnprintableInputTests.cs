using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Researcher;

/// <summary>
/// Text that cannot print is caught where it is typed: invisible characters are removed on save, characters no
/// font has are refused with the field, the character and its place, and what passed submission always prints.
/// </summary>
public class UnprintableInputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Base = "/applications/" + Researchers.Code;

    [Fact]
    public async Task Tricky_text_is_normalised_or_refused_at_save_submit_and_review_and_the_submitted_form_always_prints()
    {
        var browser = await Researchers.SignInAsync(portal);
        var cover = await browser.GetAsync(Base + "/edit/cover");
        await Forms.PostAsync(browser, cover, new Dictionary<string, string?>
        {
            ["Input.FillDate"] = "2025-10-16", ["Input.Sensitive"] = "false", ["Input.Classified"] = "false",
            ["Input.DeclarationConfirmed"] = "true", ["next"] = "false",
        });

        // A character no font has is refused, by field, character and place, and what was typed stays in the box.
        var changes = await browser.GetAsync(Base + "/edit/changes");
        var participant = changes.Document.QuerySelector<IHtmlInputElement>("[name='Input.Participants[1].Name']")!.Value;
        var refused = await Forms.PostAsync(browser, changes, new Dictionary<string, string?>
        {
            ["Input.Leader.Name"] = "王\u200B龑", ["Input.ResultTitle"] = "巴州区人才研究😀", ["Input.ActualCompletion"] = "2025-10-01",
            ["Input.Participants[1].Name"] = "李😀", ["next"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        // The draft is kept as typed, and the page says so above what must change before submitting.
        Assert.Contains(BaZhouTalent.Web.Pages.Applications.ApplicationPageModel.SavedIncompleteMessage, refused.Text);
        Assert.Equal("巴州区人才研究😀", (await Researchers.LoadAsync(portal)).ResultTitle);
        Assert.StartsWith("参与人员（第 2 行）姓名第 2 个字“😀”（U+1F600）无法打印", Forms.ErrorFor(refused, "Input.Participants[1].Name"));
        Assert.Equal("姓名第 2 个字“龑”（U+9F91）无法打印：印刷字体中没有这个字符，请改用规范汉字或删去。", Forms.ErrorFor(refused, "Input.Leader.Name"));
        Assert.Contains("结项成果名称第 8 个字“😀”（U+1F600）无法打印", Forms.ErrorFor(refused, "Input.ResultTitle"));
        Assert.Equal("王\u200B龑", refused.Document.QuerySelector<IHtmlInputElement>("#Input_Leader_Name")!.Value);
        var check = await browser.GetAsync(Base + "/submit");
        Assert.Contains("“龑”", check.Text);
        Assert.NotNull(check.Document.QuerySelector("button[disabled]"));

        // Invisible characters are harmless: removed on save, and decomposed text is composed (NFC).
        var fixedChanges = await Forms.PostAsync(browser, refused, new Dictionary<string, string?>
        {
            ["Input.Leader.Name"] = "\uFEFF杨\u200B𬌗", ["Input.ResultTitle"] = "巴州区人才\u00AD创新集聚地研究（Cafe\u0301）",
            ["Input.Participants[1].Name"] = participant, ["next"] = "false",
        });
        Assert.Null(Forms.ErrorFor(fixedChanges, "Input.Leader.Name"));
        Assert.Null(Forms.ErrorFor(fixedChanges, "Input.ResultTitle"));
        var stored = await Researchers.LoadAsync(portal);
        Assert.Equal("杨𬌗", stored.CurrentLeader.Name);
        Assert.Equal("巴州区人才创新集聚地研究（Café）", stored.ResultTitle);

        // The report names its paragraph and the place in it.
        var report = await browser.GetAsync(Base + "/edit/report");
        var badReport = await Forms.PostAsync(browser, report, new Dictionary<string, string?>
        {
            ["Input.ReportText"] = "题目\n正文𠀀。", ["next"] = "false",
        });
        Assert.Contains("最终成果第 2 段第 3 个字“𠀀”（U+20000）无法打印", badReport.Text);
        Assert.Contains(BaZhouTalent.Web.Pages.Applications.ApplicationPageModel.SavedIncompleteMessage, badReport.Text);
        Assert.Equal("题目\n正文𠀀。", (await Researchers.LoadAsync(portal)).ReportText);
        var goodReport = await Forms.PostAsync(browser, badReport, new Dictionary<string, string?>
        {
            ["Input.ReportText"] = Researchers.SeedReportText() + "\n附注：赵孟𫖯\u200D书法。\u2060", ["next"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, goodReport.Status);
        Assert.EndsWith("附注：赵孟𫖯书法。", (await Researchers.LoadAsync(portal)).ReportText);

        Assert.EndsWith("/edit/attachments", (await Forms.FollowAsync(browser, goodReport)).Url);
        var submit = await browser.GetAsync($"/applications/{Researchers.Code}/submit");
        Assert.Empty(submit.Document.QuerySelectorAll(".problem-list li"));
        var submitted = await browser.SubmitAsync(submit, new Dictionary<string, string>(), "form[method=post]:not([action$='/Account/Logout'])");
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal(ApplicationStatus.UnitReview, (await Researchers.LoadAsync(portal)).Status);

        // A review opinion is held to the same rule.
        var unit = await SignInAsync(portal, "unit.bzdx");
        var refusedOpinion = await ActAsync(unit, Researchers.Code, "unit", Opinion(text: "同意报送。\n唯有一处：龑。"));
        Assert.Equal(HttpStatusCode.OK, refusedOpinion.Status);
        Assert.Contains("审核意见第 2 段第 6 个字“龑”（U+9F91）无法打印", refusedOpinion.Text);
        Assert.Contains("唯有一处：龑。", refusedOpinion.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Opinion']")!.Value);
        await ActOkAsync(unit, Researchers.Code, "unit", Opinion(text: "同意\u200B报送。\uFEFF"));
        var opinion = await portal.WithDbAsync(db => db.ReviewOpinions.AsNoTracking().SingleAsync(o => o.Stage == ReviewStage.Unit));
        Assert.Equal("同意报送。", opinion.OpinionText);

        // Every document prints for everyone who may see it, and reads back what was typed.
        foreach (var viewer in new[] { browser, unit })
        {
            foreach (var document in new[] { "a4", "a3-booklet", "report" })
            {
                var response = await viewer.Client.GetAsync($"{Base}/print/{document}.pdf");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var text = PdfText(await response.Content.ReadAsByteArrayAsync());
                Assert.Contains("赵孟𫖯书法。", text);
                if (document != "report")
                {
                    Assert.Contains("杨𬌗", text);
                    Assert.Contains("同意报送。", text);
                }
            }
        }
    }

    [Fact]
    public async Task A_character_no_font_has_in_the_register_stops_submission_rather_than_printing()
    {
        // The project title comes from the register, not from the researcher's form: the last guard at submit
        // renders the form's text as it will print and refuses what cannot.
        const string code = "BZ25YB901";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await portal.WithDbAsync(async db =>
        {
            var project = await db.FundedProjects.SingleAsync(p => p.Code == code);
            project.Title = "高君宇与龑字研究";
            await db.SaveChangesAsync();
            return 0;
        });
        var browser = await Researchers.SignInAsync(portal);
        var check = await browser.GetAsync($"/applications/{code}/submit");
        Assert.Contains("项目名称中的“龑”（U+9F91）无法打印", check.Text);
        Assert.NotNull(check.Document.QuerySelector("button[disabled]"));
        var forced = await browser.SubmitAsync(check, new Dictionary<string, string>(), "form[method=post]:not([action$='/Account/Logout'])");
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(portal, code)).Status);
    }
}
