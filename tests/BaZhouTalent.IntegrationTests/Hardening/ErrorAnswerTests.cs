using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// Requests a page cannot serve get the answer that names their fault, on the Chinese error page: an
/// unreadable form 400 or 413, a method the portal does not offer 405. A report over the limit is refused
/// with the typed text kept on the page and the stored text untouched.
/// </summary>
public class ErrorAnswerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string ReportPage = "/applications/" + Researchers.Code + "/edit/report";

    public static TheoryData<string, int, string> MalformedForms => new()
    {
        { "nul-in-value", 400, "请求无效" },
        { "too-many-fields", 400, "请求无效" },
        { "value-over-size-limit", 413, "提交的内容过大" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_form_that_cannot_be_read_gets_its_status_and_the_Chinese_page(string kind, int status, string title)
    {
        var browser = await Researchers.SignInAsync(portal);
        var page = await browser.GetAsync(ReportPage);
        var values = Forms.ValuesOf(page);
        var before = (await Researchers.LoadAsync(portal)).ReportText;
        HttpContent content = kind switch
        {
            "nul-in-value" => Form(values, ("Input.ReportText", "第一段\0第二段")),
            "too-many-fields" => Form(values, Enumerable.Range(0, 1100).Select(i => ($"Extra{i}", "1")).ToArray()),
            _ => Form(values, ("Input.ReportText", new string('研', 5 * 1024 * 1024))),
        };

        var response = await browser.Client.PostAsync(ReportPage, content);
        var answer = await Browser.Page.ReadAsync(response, ReportPage);

        Assert.Equal(status, (int)answer.Status);
        Assert.Contains(title, answer.Text);
        Assert.Equal(before, (await Researchers.LoadAsync(portal)).ReportText);
    }

    [Theory]
    [InlineData("PUT", ReportPage)]
    [InlineData("DELETE", "/applications/" + Researchers.Code)]
    [InlineData("PUT", "/Account/Login")]
    [InlineData("DELETE", "/Admin/Users")]
    public async Task A_method_the_pages_do_not_offer_gets_405_and_the_Chinese_page(string method, string url)
    {
        var browser = await Researchers.SignInAsync(portal);

        var response = await browser.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var answer = await Browser.Page.ReadAsync(response, url);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Contains("请求方式不正确", answer.Text);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_report_over_the_limit_is_refused_whole_with_the_text_kept_on_the_page()
    {
        var browser = await Researchers.SignInAsync(portal);
        var page = await browser.GetAsync(ReportPage);
        var before = await Researchers.LoadAsync(portal);
        // The figure from the probe: 252,089 characters, about a quarter over the 200,000 the report may hold.
        var paragraph = "巴中市人才集聚地建设研究正文段落，";
        var text = new StringBuilder();
        while (text.Length < 252_089) text.Append(paragraph).Append('\n');
        var posted = text.ToString(0, 252_089);

        var answer = await Forms.PostAsync(browser, page, new Dictionary<string, string?> { ["Input.ReportText"] = posted });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("未保存", answer.Text);
        Assert.Contains("200,000", Forms.ErrorFor(answer, "Input.ReportText"));
        // The page gives back exactly what was typed, to be shortened rather than retyped.
        Assert.Equal(posted.Replace("\r\n", "\n"), answer.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.ReportText']")!.Value);
        var after = await Researchers.LoadAsync(portal);
        Assert.Equal(before.ReportText, after.ReportText);
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> values, params (string Name, string Value)[] changes)
    {
        var all = new Dictionary<string, string>(values);
        foreach (var (name, value) in changes) all[name] = value;
        return new FormUrlEncodedContent(all);
    }
}
