using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// A year's 归档 as the administrator gets it: 生成年度归档包 posted on /Admin/Archive, the page read again (as its script
/// and its no-script refresh do) until the year's newest row is finished, then its 下载 link followed.
/// </summary>
internal static class YearArchiveKit
{
    /// <summary>A guard against hanging, not a timing assertion.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    /// <summary>Posts the year form; returns the answer (a redirect after PRG, or the page with a message).</summary>
    public static async Task<Browser.Page> PostStartAsync(Browser admin, int year)
    {
        var page = await admin.GetAsync("/Admin/Archive");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await PostFormAsync(admin, page, "archive-year", new Dictionary<string, string> { ["Input.Year"] = Text(year) });
    }

    /// <summary>Starts the year through the page and follows the redirect to the page that shows it.</summary>
    public static async Task<Browser.Page> StartAsync(Browser admin, int year)
    {
        var answer = await PostStartAsync(admin, year);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"start {year}: {answer.Status}\n{answer.Text}");
        return await admin.NavigateAsync(answer.RedirectTarget!);
    }

    /// <summary>The year's newest row on the page (rows are newest first), or null.</summary>
    public static IElement? NewestRow(Browser.Page page, int year) =>
        page.Document.QuerySelectorAll("tr[data-archive-job]").FirstOrDefault(r => r.QuerySelector("td")!.TextContent.Trim() == $"{year} 年度");

    public static string Status(IElement row) => row.QuerySelector("[data-status]")!.TextContent.Trim();

    /// <summary>Reads the page until the year's newest row says 已完成 or 失败 (or <paramref name="until"/> holds).</summary>
    public static async Task<Browser.Page> WaitAsync(Browser admin, int year, Func<Browser.Page, bool>? until = null)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var page = await admin.GetAsync("/Admin/Archive");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var done = until is not null ? until(page) : NewestRow(page, year) is { } row && Status(row) is "已完成" or "失败";
            if (done) return page;
            await Task.Delay(50, guard.Token); // polling a condition, bounded by the guard
        }
    }

    /// <summary>The 下载 link of the year's newest row.</summary>
    public static string DownloadLink(Browser.Page page, int year) =>
        NewestRow(page, year)?.QuerySelector("a[data-download]")?.GetAttribute("href")
        ?? throw new InvalidOperationException($"no 下载 link for {year}:\n{page.Text}");

    /// <summary>Starts the year, waits for it and downloads the zip through its link.</summary>
    public static async Task<byte[]> DownloadAsync(Browser admin, int year)
    {
        await StartAsync(admin, year);
        var page = await WaitAsync(admin, year);
        Assert.Equal("已完成", Status(NewestRow(page, year)!));
        return await CertificateTests.BytesAsync(admin, DownloadLink(page, year));
    }

    /// <summary>Moves the projects <paramref name="codes"/> into funding year <paramref name="year"/>, so a test has a year of its own.</summary>
    public static Task MoveToYearAsync(PortalFactory portal, int year, params string[] codes) =>
        portal.WithDbAsync(db => db.FundedProjects.Where(p => codes.Contains(p.Code)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Year, year)));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
