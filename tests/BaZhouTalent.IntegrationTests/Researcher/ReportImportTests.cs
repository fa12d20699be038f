using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Seeding;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Researcher;

public class ReportImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ReportPage = "/applications/" + Researchers.Code + "/edit/report";

    private static IReadOnlyList<string> OutlineOf(Browser.Page page) =>
        page.Document.QuerySelectorAll("#outline dd, #outline .outline-headings li").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task Seed_report_uploaded_as_docx_and_pasted_as_text_give_the_same_outline()
    {
        var browser = await Researchers.SignInAsync(portal);
        var seed = Researchers.SeedReportText();

        var pasted = await Forms.FollowAsync(browser, await Forms.PostAsync(browser, await browser.GetAsync(ReportPage),
            new Dictionary<string, string?> { ["Input.ReportText"] = seed, ["next"] = "false" }));
        var pastedOutline = OutlineOf(pasted);
        var pastedText = (await Researchers.LoadAsync(portal)).ReportText;

        var uploaded = await Forms.FollowAsync(browser, await Forms.PostAsync(browser, pasted,
            new Dictionary<string, string?> { ["Input.ReportText"] = "" }, handler: "Import",
            file: ("最终成果.docx", DocxFiles.FromMarkup(seed))));
        Assert.Contains("已导入 Word 文档", uploaded.Text);

        Assert.Equal(pastedOutline, OutlineOf(uploaded));
        Assert.Equal(pastedText, (await Researchers.LoadAsync(portal)).ReportText);
        Assert.Contains("巴中市巴州区加快建设人才创新集聚地研究", pastedOutline);
        Assert.Contains(pastedOutline, l => l.Contains("一级") && l.Contains("一、引言"));
        Assert.Equal(ReportOutline.From(seed).Headings.Count, uploaded.Document.QuerySelectorAll("#outline .outline-headings li").Length);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "corrupt", "损坏.docx", "文件可能已损坏" },
        { "bomb", "炸弹.docx", "解压后的内容异常庞大" },
        { "oversized", "超大.docx", "20 MB 的大小上限" },
        { "exe", "setup.docx", "不是 Word（.docx）文档" },
        { "macro", "带宏.docx", "含有宏" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_in_Chinese_and_the_typed_text_is_kept(string kind, string fileName, string message)
    {
        var browser = await Researchers.SignInAsync(portal);
        var before = (await Researchers.LoadAsync(portal)).ReportText;
        byte[] bytes = kind switch
        {
            "corrupt" => DocxFiles.Corrupt(DocxFiles.FromMarkup(Researchers.SeedReportText())),
            "bomb" => DocxFiles.ZipBomb(),
            "oversized" => Oversized(),
            "macro" => DocxFiles.WithEntry(DocxFiles.FromMarkup(Researchers.SeedReportText()), "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]),
            _ => DocxFiles.Executable(),
        };
        var typed = $"我正在输入的成果 {kind}\n一、尚未保存的一段";

        var page = await Forms.PostAsync(browser, await browser.GetAsync(ReportPage),
            new Dictionary<string, string?> { ["Input.ReportText"] = typed }, handler: "Import", file: (fileName, bytes));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, Forms.ErrorFor(page, "Document"));
        Assert.Equal(typed, page.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.ReportText']")!.Value);
        Assert.Equal("true", page.Document.QuerySelector("form[data-warn-unsaved]")!.GetAttribute("data-dirty"));
        Assert.Equal(before, (await Researchers.LoadAsync(portal)).ReportText);
    }

    private static byte[] Oversized()
    {
        var bytes = DocxFiles.FromMarkup(Researchers.SeedReportText());
        Array.Resize(ref bytes, 20 * 1024 * 1024 + 1);
        return bytes;
    }

    [Fact]
    public async Task A_classified_result_may_not_be_uploaded_or_pasted()
    {
        var browser = await Researchers.SignInAsync(portal);
        var cover = await browser.GetAsync("/applications/" + Researchers.Code + "/edit/cover");
        await Forms.PostAsync(browser, cover, new Dictionary<string, string?> { ["Input.Classified"] = "true", ["next"] = "false" });
        try
        {
            var report = await browser.GetAsync(ReportPage);
            Assert.Contains("涉密成果不得上传或录入联网系统", report.Text);
            Assert.Null(report.Document.QuerySelector("input[type=file]"));

            var form = report.Document.QuerySelector("main form[method=post]");
            var stamp = report.Document.QuerySelector<IHtmlInputElement>("input[name='Input.ConcurrencyStamp']")?.Value ?? "";
            var token = report.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value ?? "";
            Assert.NotNull(form);
            var upload = new MultipartFormDataContent
            {
                { new StringContent(stamp), "Input.ConcurrencyStamp" },
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(DocxFiles.FromMarkup(Researchers.SeedReportText())), "Document", "成果.docx" },
            };
            var refused = await Browser.Page.ReadAsync(await browser.Client.PostAsync(ReportPage + "?handler=Import", upload), ReportPage);
            Assert.Contains("线下报送", refused.Text);
        }
        finally
        {
            await Forms.PostAsync(browser, await browser.GetAsync("/applications/" + Researchers.Code + "/edit/cover"),
                new Dictionary<string, string?> { ["Input.Classified"] = "false", ["next"] = "false" });
        }
    }
}
