using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// 结项证书, 公示 and 归档 of an application concluded through the review pages: the PDF read back holds the
/// number and its QR code decodes to the verify page that confirms it; the announcement page and .xlsx list it;
/// the archive's manifest hashes match its files.
/// </summary>
public class CertificateTests(CertificateTests.Fixture fixture) : IClassFixture<CertificateTests.Fixture>
{
    public const string Concluded = "BZ25YB871";
    public const string Pending = "BZ25YB872";

    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {

        public string CertificateNumber { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await DeskKit.ConcludeAsync(this, Concluded);
            CertificateNumber = (await LoadAsync(this, Concluded)).CertificateNumber!;
            await RegisterProjectAsync(this, Pending, PartySchoolBazhou);
            await SubmitAsync(this, Pending);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    internal static async Task<byte[]> BytesAsync(Browser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_certificate_read_back_holds_the_number_and_its_QR_opens_the_verify_page_that_confirms_it()
    {
        var admin = await SignInAsync(fixture, "admin");
        var response = await admin.Client.GetAsync($"/applications/{Concluded}/certificate.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // Kept beside the test output for a person to look at (pdftoppm -png renders it).
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "certificate.pdf"), pdf);

        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
            Assert.Equal(1, document.NumberOfPages);
        var text = PdfText(pdf);
        Assert.Matches(@"^巴社科结〔\d{4}〕\d{3}号$", fixture.CertificateNumber);
        Assert.Contains("结项证书", text);
        Assert.Contains("证书编号：" + fixture.CertificateNumber, text);
        Assert.Contains($"测试项目{Concluded}", text);
        Assert.Contains("杨卓", text);
        Assert.Contains("良好", text);
        Assert.Contains("巴中市社会科学界联合会", text);

        var url = DeskKit.DecodeQr(pdf);
        var concluding = (await LoadAsync(fixture, Concluded)).Opinions.Single(o => o.Stage == ReviewStage.Federation);
        Assert.Equal($"http://localhost:5080/verify/{concluding.VerificationCode}", url);

        // Anyone scanning it, signed in or not, sees the certificate confirmed.
        var visitor = new Browser(fixture.CreateBrowser());
        var verify = await visitor.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, verify.Status);
        Assert.Contains(fixture.CertificateNumber, verify.Document.QuerySelector("[data-testid=certificate]")!.TextContent);
        Assert.Contains("同意结项", verify.Text);

        // The number typed by hand finds the same record.
        var byNumber = await visitor.GetAsync("/verify?q=" + Uri.EscapeDataString(fixture.CertificateNumber));
        Assert.Equal(HttpStatusCode.OK, byNumber.Status);
        Assert.Contains(concluding.VerificationCode, byNumber.Text);
        var unknown = await visitor.GetAsync("/verify?q=" + Uri.EscapeDataString("巴社科结〔2025〕999号"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        // The screen states what the paper states, so an edited name, unit, title, grade or date shows.
        string Fact(string id) => verify.Document.QuerySelector($"[data-testid={id}]")!.TextContent.Trim();
        var application = await LoadAsync(fixture, Concluded);
        var issued = concluding.SignedAt.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal("杨卓", Fact("certificate-leader"));
        Assert.Equal(PartySchoolBazhou, Fact("certificate-unit"));
        Assert.Equal(application.Project.Title, Fact("certificate-title"));
        Assert.Equal("良好", Fact("certificate-grade"));
        Assert.Equal($"{issued.Year} 年 {issued.Month} 月 {issued.Day} 日", Fact("certificate-date"));
        foreach (var fact in new[] { "杨卓", PartySchoolBazhou, application.Project.Title, "良好", $"{issued.Year}年{issued.Month}月{issued.Day}日" })
            Assert.Contains(fact, text);
    }

    [Fact]
    public async Task The_printed_verify_address_is_the_configured_one_whatever_host_the_request_names()
    {
        var admin = await SignInAsync(fixture, "admin");
        foreach (var url in new[] { $"/applications/{Concluded}/certificate.pdf", $"/applications/{Concluded}/print/a4.pdf" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example";
            var response = await admin.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = PdfText(await response.Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain("evil.example", text);
            Assert.Contains("http://localhost:5080/verify", text);
        }
    }

    [Fact]
    public async Task The_number_typed_with_full_width_or_other_digits_finds_the_certificate_and_nothing_answers_500()
    {
        var concluding = (await LoadAsync(fixture, Concluded)).Opinions.Single(o => o.Stage == ReviewStage.Federation);
        var year = fixture.CertificateNumber[5..9];
        var serial = fixture.CertificateNumber[10..13];
        static string FullWidth(string digits) => new(digits.Select(c => (char)(c - '0' + '０')).ToArray());
        static string ArabicIndic(string digits) => new(digits.Select(c => (char)(c - '0' + '\u0660')).ToArray());
        var visitor = new Browser(fixture.CreateBrowser());

        foreach (var typed in new[]
        {
            $"巴社科结〔{FullWidth(year)}〕{FullWidth(serial)}号",
            $"巴社科结（{FullWidth(year)}）{FullWidth(serial)}号",
            $"巴社科结〔{ArabicIndic(year)}〕{ArabicIndic(serial)}号",
            $"巴社科结〔{year}〕0000{serial}号",
        })
        {
            var found = await visitor.GetAsync("/verify?q=" + Uri.EscapeDataString(typed));
            Assert.True(found.Status == HttpStatusCode.OK, $"{typed}: {found.Status}");
            Assert.Contains(concluding.VerificationCode, found.Text);
        }

        foreach (var typed in new[] { $"巴社科结〔{year}〕{new string('９', 40)}号", $"巴社科结〔{year}〕99999999999号", "巴社科结〔\uFFFF〕", new string('〔', 2000) })
        {
            var missing = await visitor.GetAsync("/verify?q=" + Uri.EscapeDataString(typed));
            Assert.True(missing.Status == HttpStatusCode.NotFound, $"{typed}: {missing.Status}");
        }
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("yangzhuo", HttpStatusCode.OK)]
    [InlineData("unit.bzdx", HttpStatusCode.OK)]
    [InlineData("skl.bazhou", HttpStatusCode.NotFound)]
    [InlineData("expert.1", HttpStatusCode.NotFound)]
    [InlineData("expert.2", HttpStatusCode.NotFound)]
    public async Task Only_the_federation_the_leader_and_the_unit_get_the_certificate(string user, HttpStatusCode expected)
    {
        var browser = await SignInAsync(fixture, user);
        Assert.Equal(expected, (await browser.Client.GetAsync($"/applications/{Concluded}/certificate.pdf")).StatusCode);
        // An application still in review has no certificate, for anyone.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/applications/{Pending}/certificate.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_leader_finds_the_certificate_on_the_application_page()
    {
        var leader = await SignInAsync(fixture, "yangzhuo");
        var page = await leader.GetAsync($"/applications/{Concluded}");
        Assert.Equal($"/applications/{Concluded}/certificate.pdf", page.Document.QuerySelector("[data-testid=certificate-link]")?.GetAttribute("href"));
        var pending = await leader.GetAsync($"/applications/{Pending}");
        Assert.Null(pending.Document.QuerySelector("[data-testid=certificate-link]"));
    }

    [Fact]
    public async Task The_announcement_page_and_its_workbook_list_the_years_concluded_projects()
    {
        var admin = await SignInAsync(fixture, "admin");
        var year = CertificateNumbers.YearOf(DateTimeOffset.UtcNow);
        var page = await admin.GetAsync($"/Admin/Announcements?year={year}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(rows);
        Assert.Contains(fixture.CertificateNumber, row);
        Assert.Contains(Concluded, row);
        Assert.Contains("良好", row);
        Assert.DoesNotContain(Pending, page.Text);

        var workbook = await BytesAsync(admin, $"/Admin/Announcements?handler=Xlsx&year={year}");
        using var stream = new MemoryStream(workbook);
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var line = Assert.Single(sheet);
        Assert.Equal(fixture.CertificateNumber, line["结项证书编号"]);
        Assert.Equal(Concluded, line["立项编号"]);
        Assert.Equal($"测试项目{Concluded}", line["项目名称"]);
        Assert.Equal("杨卓", line["项目负责人"]);
        Assert.Equal(PartySchoolBazhou, line["所在单位"]);
        Assert.Equal("良好", line["鉴定等级"]);

        var otherYear = await admin.GetAsync($"/Admin/Announcements?year={year - 5}");
        Assert.Empty(otherYear.Document.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task A_projects_archive_holds_its_documents_and_a_manifest_whose_hashes_match()
    {
        var admin = await SignInAsync(fixture, "admin");
        var response = await admin.Client.GetAsync($"/Admin/Archive?handler=Project&code={Concluded}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
        var entries = ReadZip(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(
            ["SHA256SUMS", "审核历史.csv", "最终成果.pdf", "结项申请书-A3双面对折.pdf", "结项申请书-A4.pdf", "结项证书.pdf", "说明.txt"],
            entries.Keys.Order(StringComparer.Ordinal).ToArray());
        AssertManifestMatches(entries);
        // The archive's copies are kept as PDF/A-2b, each passing qpdf's check.
        foreach (var (name, bytes) in entries.Where(e => e.Key.EndsWith(".pdf", StringComparison.Ordinal)))
        {
            PdfA.AssertArchivable(bytes, name);
            Qpdf.AssertClean(bytes, name);
        }
        Assert.Contains("核验网址：http://localhost:5080/verify", PdfText(entries["结项申请书-A4.pdf"]));
        Assert.Contains(fixture.CertificateNumber, PdfText(entries["结项证书.pdf"]));
        Assert.Contains(Concluded, PdfText(entries["结项申请书-A4.pdf"]));
        var history = Encoding.UTF8.GetString(entries["审核历史.csv"]);
        Assert.Contains("同意结项", history);
        Assert.Contains(fixture.CertificateNumber, history);
    }

    [Fact]
    public async Task A_years_archive_has_a_folder_per_closed_application_and_matching_hashes()
    {
        var admin = await SignInAsync(fixture, "admin");
        var entries = ReadZip(await YearArchiveKit.DownloadAsync(admin, 2025));
        AssertManifestMatches(entries);
        Assert.Contains($"{Concluded}/结项证书.pdf", entries.Keys);
        // Still in review: not archived yet.
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith(Pending, StringComparison.Ordinal));

        var missing = await admin.GetAsync($"/Admin/Archive?handler=Project&code=BZ25YB999");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    /// <summary>
    /// The archive's own SHA256SUMS, checked as an archivist would: the downloaded zip unpacked into a folder and
    /// verified with <c>sha256sum -c --strict SHA256SUMS</c> as it is (no line may be malformed). Untouched, every file
    /// passes; one changed byte fails that file.
    /// </summary>
    [Fact]
    public async Task A_tampered_file_no_longer_matches_its_manifest_line()
    {
        var admin = await SignInAsync(fixture, "admin");
        var entries = ReadZip(await BytesAsync(admin, $"/Admin/Archive?handler=Project&code={Concluded}"));
        var folder = Directory.CreateTempSubdirectory("bazhoutalent-archive-").FullName;
        try
        {
            foreach (var (path, content) in entries)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
                await File.WriteAllBytesAsync(Path.Combine(folder, path), content);
            }

            var untouched = await Sha256SumCheckAsync(folder);
            Assert.True(untouched.ExitCode == 0, untouched.Output);
            var passed = entries.Keys.Where(k => k != "SHA256SUMS").Select(k => $"{k}: OK").Order(StringComparer.Ordinal);
            Assert.Equal(passed, untouched.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

            await File.AppendAllTextAsync(Path.Combine(folder, "结项证书.pdf"), " ");
            var tampered = await Sha256SumCheckAsync(folder);
            Assert.NotEqual(0, tampered.ExitCode);
            Assert.Contains("结项证书.pdf: FAILED", tampered.Output);
            Assert.Contains("结项申请书-A4.pdf: OK", tampered.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> Sha256SumCheckAsync(string folder)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sha256sum", ["-c", "--strict", "SHA256SUMS"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    internal static Dictionary<string, byte[]> ReadZip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>The SHA256SUMS lines (“hash  path”, nothing else) by path.</summary>
    internal static Dictionary<string, string> Checksums(Dictionary<string, byte[]> entries)
    {
        var lines = Encoding.UTF8.GetString(entries["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches("^[0-9a-f]{64}  [^ ]", line));
        return lines.ToDictionary(line => line[66..], line => line[..64]);
    }

    /// <summary>Every file but SHA256SUMS has exactly one line, and its SHA-256 is the file's.</summary>
    internal static void AssertManifestMatches(Dictionary<string, byte[]> entries)
    {
        var lines = Checksums(entries);
        Assert.Equal(entries.Keys.Where(k => k != "SHA256SUMS").Order(StringComparer.Ordinal), lines.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, content) in entries.Where(e => e.Key != "SHA256SUMS"))
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), lines[path]);
    }
}
