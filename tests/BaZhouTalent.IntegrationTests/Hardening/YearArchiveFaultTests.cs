using System.Net;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Archive;
using BaZhouTalent.Infrastructure.Files;
using BaZhouTalent.IntegrationTests.Desk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static BaZhouTalent.IntegrationTests.Desk.YearArchiveKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// A year's 归档 whose file store fails midway (a Moq fault on the store: the second application's kept report cannot be
/// read): the job ends 失败 with a Chinese reason naming the application, the page offers nothing to download, the
/// download address answers 404 and the archive folder holds no half-written file.
/// </summary>
public sealed class YearArchiveFaultTests : IDisposable
{
    private readonly string storeFolder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", "store-" + Guid.NewGuid().ToString("N"));
    private readonly Mock<IFileStore> store = new(MockBehavior.Strict);
    private readonly FaultyPortal portal;

    public YearArchiveFaultTests()
    {
        // Everything the portal stores goes to a real folder, through the mock, so a test can fail one read of it.
        var real = new LocalFileStore(storeFolder, NullLogger<LocalFileStore>.Instance);
        store.Setup(s => s.SaveAsync(It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .Returns((ReadOnlyMemory<byte> content, CancellationToken token) => real.SaveAsync(content, token));
        store.Setup(s => s.ReadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string key, string sha256, CancellationToken token) => real.ReadAsync(key, sha256, token));
        store.Setup(s => s.OpenReadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string key, string sha256, CancellationToken token) => real.OpenReadAsync(key, sha256, token));
        store.Setup(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string key, CancellationToken token) => real.DeleteAsync(key, token));
        portal = new FaultyPortal { FileStore = store };
    }

    [Fact]
    public async Task A_store_failing_midway_fails_the_job_with_a_Chinese_reason_and_offers_no_half_file()
    {
        const int year = 2023;
        string[] codes = ["BZ25YB871", "BZ25YB872"];
        foreach (var code in codes) await DeskKit.ConcludeAsync(portal, code);
        await MoveToYearAsync(portal, year, codes);
        var broken = await portal.WithDbAsync(db => db.ArchivedDocuments
            .Where(d => d.Name == BuildArchive.Report && db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == codes[1]))
            .Select(d => d.StorageKey).SingleAsync());
        store.Setup(s => s.OpenReadAsync(broken, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("Input/output error (injected by the test)"));
        var admin = await SignInAsync(portal, "admin");

        await StartAsync(admin, year);
        var page = await WaitAsync(admin, year);

        var row = NewestRow(page, year)!;
        Assert.Equal("失败", Status(row));
        Assert.Equal($"生成到立项编号 {codes[1]} 时出错：读写文件失败（存储不可用或磁盘已满）。未生成归档包，也未留下不完整的文件。可重新生成；如再次失败，请告知系统管理员。",
            row.QuerySelector("[data-error]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("a[data-download]"));
        Assert.DoesNotContain("系统出错", page.Text);
        var job = await portal.WithDbAsync(db => db.YearArchiveJobs.AsNoTracking().SingleAsync(j => j.Year == year));
        Assert.Null(job.FileName);
        Assert.Equal(1, job.Done);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/Admin/Archive?handler=Download&id={job.Id}")).StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(portal.Folder, "archives")));
        store.Verify(s => s.OpenReadAsync(broken, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);

        // Healed, the year is made again and whole.
        store.Setup(s => s.OpenReadAsync(broken, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string key, string sha256, CancellationToken token) => new LocalFileStore(storeFolder, NullLogger<LocalFileStore>.Instance).OpenReadAsync(key, sha256, token));
        var entries = CertificateTests.ReadZip(await DownloadAsync(admin, year));
        CertificateTests.AssertManifestMatches(entries);
        Assert.Contains($"{codes[1]}/{BuildArchive.Report}", entries.Keys);
    }

    public void Dispose()
    {
        portal.Dispose();
        try { Directory.Delete(storeFolder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
