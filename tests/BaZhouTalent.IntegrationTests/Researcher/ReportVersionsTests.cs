using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Researcher;

/// <summary>Nothing typed is lost: a .docx replaces a report only when the researcher confirms, and every replaced text can be restored.</summary>
public class ReportVersionsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ReportPage = "/applications/" + Researchers.Code + "/edit/report";
    private const string Imported = "数字乡村建设研究\n摘要：本文考察数字乡村建设。\n关键词：数字乡村\n一、现状\n正文一段。";

    [Fact]
    public async Task Importing_over_a_report_asks_first_keeps_the_old_text_and_can_restore_it()
    {
        var browser = await Researchers.SignInAsync(portal);
        var original = (await Researchers.LoadAsync(portal)).ReportText;
        Assert.NotEmpty(original);

        // The upload alone changes nothing: the page shows both outlines and asks.
        var asked = await Forms.PostAsync(browser, await browser.GetAsync(ReportPage),
            new Dictionary<string, string?>(), handler: "Import", file: ("新成果.docx", DocxFiles.FromMarkup(Imported)));
        var confirm = asked.Document.QuerySelector("#import-confirm");
        Assert.NotNull(confirm);
        Assert.Contains("导入的文档将替换当前的成果全文", confirm.TextContent);
        Assert.Contains("数字乡村建设研究", confirm.QuerySelector("[aria-labelledby=outline-imported-title]")!.TextContent);
        Assert.Contains(ReportOutlineTitle(original), confirm.QuerySelector("[aria-labelledby=outline-current-title]")!.TextContent);
        Assert.Equal(original, (await Researchers.LoadAsync(portal)).ReportText);

        // Confirmed: the import replaces the report, the old text is listed as a version.
        var replaced = await Forms.FollowAsync(browser, await browser.SubmitAsync(asked, new Dictionary<string, string>(), "#import-confirm form"));
        Assert.StartsWith("数字乡村建设研究", (await Researchers.LoadAsync(portal)).ReportText);
        var versions = replaced.Document.QuerySelectorAll("#versions li.version-item");
        Assert.Single(versions);
        Assert.Contains(ReportOutlineTitle(original), versions[0].TextContent);
        Assert.Contains("导入 Word 文档", versions[0].TextContent);

        // Restored: the old text is back, and the imported one is kept in its turn.
        var restored = await Forms.FollowAsync(browser, await browser.SubmitAsync(replaced, new Dictionary<string, string>(), "#versions form"));
        Assert.Equal(original, (await Researchers.LoadAsync(portal)).ReportText);
        Assert.Contains("已恢复", restored.Text);
        var after = restored.Document.QuerySelectorAll("#versions li.version-item").Select(v => v.TextContent).ToList();
        Assert.Equal(2, after.Count);
        Assert.Contains("数字乡村建设研究", after[0]);
        Assert.Contains("恢复历史版本", after[0]);
    }

    private static string ReportOutlineTitle(string text) => BaZhouTalent.Application.Applications.ReportOutline.From(text).Title;
}
