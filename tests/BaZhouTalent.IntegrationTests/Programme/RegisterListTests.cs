using System.Net;
using System.IO.Compression;
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

    [Fact]
    public async Task Pages_are_compressed_at_the_measured_levels_brotli_below_gzip_and_gzip_below_its_fastest_level()
    {
        // docs/benchmarks.md, "Compression level": at Fastest Brotli was larger than gzip at Optimal on 48 of 52 pages.
        var admin = await ReviewKit.SignInAsync(portal, "admin");
        foreach (var url in new[] { "/Admin/Projects", "/Programme", "/" })
        {
            var plain = await BodyAsync(admin, url, "identity");
            var brotli = await BodyAsync(admin, url, "br");
            var gzip = await BodyAsync(admin, url, "gzip");
            using var fastest = new MemoryStream();
            using (var zip = new GZipStream(fastest, CompressionLevel.Fastest, leaveOpen: true))
                zip.Write(plain);

            Assert.True(brotli.Length < gzip.Length, $"{url}: brotli {brotli.Length} B, gzip {gzip.Length} B");
            // Optimal was at most 0.84 of Fastest on every measured page; the tokens on a page vary by a few bytes.
            Assert.True(gzip.Length < fastest.Length * 0.95, $"{url}: gzip {gzip.Length} B, gzip at its fastest level {fastest.Length} B");
        }
    }

    private static async Task<byte[]> BodyAsync(Browser session, string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding == "identity" ? [] : [encoding], response.Content.Headers.ContentEncoding);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<string> Codes(Browser.Page page) =>
        page.Document.QuerySelectorAll("tbody td.project-code").Select(td => td.TextContent.Trim()).ToList();
}
