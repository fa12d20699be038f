using System.Net;
using System.Net.Http.Headers;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>项目登记 as a paged, searched list, and pages sent compressed.</summary>
public class RegisterListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_register_shows_one_page_of_rows_and_searches_on_the_server()
    {
        await ProgrammeMix.SeedAsync(portal);
        var all = await ProgrammeMix.LoadAllAsync(portal);
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        var first = await admin.GetAsync("/Admin/Projects?sort=code");
        var third = await admin.GetAsync("/Admin/Projects?sort=code&p=3");
        var searched = await admin.GetAsync("/Admin/Projects?q=欧阳&sort=code");

        var ordered = all.Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ordered.Take(20), Codes(first));
        Assert.Equal(ordered.Skip(40).Take(20), Codes(third));
        Assert.Contains($"共 {all.Count} 条", first.Text);
        Assert.Equal(all.Where(p => p.OriginalLeader.Name.Contains("欧阳", StringComparison.Ordinal)).Select(p => p.Code).Order(StringComparer.Ordinal),
            Codes(searched));
    }

    [Fact]
    public async Task Pages_styles_and_scripts_are_sent_compressed_to_a_client_that_accepts_it()
    {
        var admin = await ReviewKit.SignInAsync(portal, "admin");

        foreach (var url in new[] { "/Admin/Projects", "/css/site.css", "/lib/echarts/echarts.common.min.js" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await admin.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        }
    }

    private static List<string> Codes(Browser.Page page) =>
        page.Document.QuerySelectorAll("tbody td.project-code").Select(td => td.TextContent.Trim()).ToList();
}
