using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using BaZhouTalent.Tests.Shared;
using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.BrowserTests.Workspace;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests.Polish;

/// <summary>The demo programme's portal whose file store holds one chosen read until the test lets it go.</summary>
public sealed class HeldArchivePortal : LivePortal
{
    public HeldRead? Held { get; set; }

    protected override bool DemoProgramme => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => HeldFileStore.Wrap(services, () => Held));
    }
}

/// <summary>
/// 归档's year in a browser: started with the form, its progress appearing in the table without a reload (the page's
/// script), looked at with axe and kept as screenshots at 1280 and 390 px while under way and once finished, then
/// downloaded through 下载 and checked against its SHA256SUMS.
/// </summary>
public class YearArchiveProgressTests(HeldArchivePortal portal) : IClassFixture<HeldArchivePortal>
{
    private const int Year = 2024;

    [Fact]
    public async Task A_years_progress_shows_in_place_and_its_download_appears_when_ready()
    {
        // The demo programme concludes without keeping the archive's PDFs (the 办理 page keeps them at conclusion): the second
        // application gets its copies now, so the year's job reads its kept report, which the store holds.
        int total;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var codes = await db.ClosureApplications.Where(a => a.Project.Year == Year && BuildArchive.Closed.Contains(a.Status))
                .OrderBy(a => a.Project.Code).Select(a => a.Project.Code).ToListAsync();
            total = codes.Count;
            var admin0 = await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin");
            var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(admin0!);
            Assert.True(await services.GetRequiredService<BuildArchive.Handler>().KeepAsync(codes[1], portal.BaseAddress.ToString(), principal));
            portal.Held = new HeldRead { Sha256 = await db.ArchivedDocuments
                .Where(d => d.Name == BuildArchive.Report && db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == codes[1]))
                .Select(d => d.Sha256).SingleAsync() };
        }
        var audit = new PageAudit(portal);
        var admin = await portal.SignInAsync("admin");

        await admin.GotoAsync("/Admin/Archive");
        await admin.GetByLabel("立项年度").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "生成年度归档包" }).ClickAsync();
        await Expect(admin.GetByText($"已开始生成 {Year} 年度归档包", new() { Exact = false })).ToBeVisibleAsync();
        await portal.Held!.Reached.Task.WaitAsync(TimeSpan.FromMinutes(2));

        // The first application's progress reaches the table by the page's script, without a reload.
        var row = admin.Locator("tr[data-archive-job]").First;
        await Expect(row.Locator("[data-progress]")).ToContainTextAsync($"1 / {total} 项");
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("生成中");
        await Expect(row.Locator("progress")).ToHaveAttributeAsync("value", "1");
        await audit.CheckAsync(admin, "archive-running");

        portal.Held.Released.SetResult();
        var download = row.GetByRole(AriaRole.Link, new() { Name = "下载", Exact = false });
        await Expect(download).ToBeVisibleAsync();
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("已完成");
        await audit.CheckAsync(admin, "archive-finished");

        var file = await admin.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal(BuildArchive.YearFileName(Year), file.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"year-archive-{Guid.NewGuid():N}.zip");
        await file.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var sums = Encoding.UTF8.GetString(Read(zip.GetEntry(BuildArchive.ManifestName)!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(zip.Entries.Count - 1, sums.Length);
            foreach (var line in sums)
                Assert.Equal(line[..64], Convert.ToHexStringLower(SHA256.HashData(Read(zip.GetEntry(line[66..])!))));
            Assert.Equal(total, zip.Entries.Count(e => e.FullName.EndsWith("/审核历史.csv", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.True(audit.Failures.Count == 0, string.Join("\n", audit.Failures));
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
