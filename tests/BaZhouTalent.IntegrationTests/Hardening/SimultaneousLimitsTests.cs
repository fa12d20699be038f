using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Projects.LifecycleKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// Limits that simultaneous requests could pass, met with simultaneous requests through the HTTP pipeline (all let
/// into their page handlers at the same moment): at most 20 attachments, at most 100 MB of them, one open 延期
/// request. The default limits of appsettings.json, as in production.
/// </summary>
public class SimultaneousLimitsTests(SimultaneousLimitsTests.GatedPortal portal) : IClassFixture<SimultaneousLimitsTests.GatedPortal>
{
    public class GatedPortal : PortalFactory
    {
        public SimultaneousGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            SimultaneousGate.AddTo(builder, Gate);
        }
    }

    [Fact]
    public async Task Twenty_five_simultaneous_uploads_store_at_most_twenty()
    {
        const string code = "BZ25YB961";
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
        var researcher = await SignInAsync(portal, "yangzhuo");

        var answers = await UploadTogetherAsync(researcher, code, "count", Enumerable.Range(1, 25).Select(i => ($"截图{i}.png", Png(i, 2048))).ToList());

        var stored = await FilesAsync(code);
        Assert.Equal(20, stored.Count);
        Assert.Equal(20, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        var refused = answers.Where(a => a.Status != HttpStatusCode.Redirect).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("每份申请书最多 20 个附件", page.Text);
        });
        Assert.Equal(20, await StoredFileCountAsync());
    }

    [Fact]
    public async Task Six_simultaneous_uploads_of_19_MB_never_exceed_100_MB_in_total()
    {
        const string code = "BZ25YB962";
        await portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });
        var researcher = await SignInAsync(portal, "yangzhuo");
        const int size = 19 * 1024 * 1024;

        var answers = await UploadTogetherAsync(researcher, code, "total", Enumerable.Range(1, 6).Select(i => ($"扫描件{i}.png", Png(i, size))).ToList());

        var stored = await FilesAsync(code);
        Assert.Equal(5, stored.Count);
        Assert.True(stored.Sum(f => f.Size) <= 100L * 1024 * 1024);
        var refused = Assert.Single(answers, a => a.Status != HttpStatusCode.Redirect);
        Assert.Contains("附件合计不能超过 100 MB", refused.Text);
    }

    [Fact]
    public async Task Ten_simultaneous_extension_requests_open_exactly_one()
    {
        const string code = "BZ25YB963";
        await AddProjectAsync(portal, code, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6));
        var researcher = await SignInAsync(portal, "yangzhuo");
        var form = await researcher.GetAsync($"/projects/{code}/extend");
        var values = Browser.FormValues(form.Document.QuerySelector<IHtmlFormElement>("form[data-form=extend]")!);
        values["Input.NewCompletion"] = Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(9));
        values["Input.Reason"] = "调研需要更多时间。";
        portal.Gate.Expect("extend", 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/projects/{code}/extend") { Content = new FormUrlEncodedContent(values) };
            request.Headers.Add(SimultaneousGate.Header, "extend");
            return await Browser.Page.ReadAsync(await researcher.Client.SendAsync(request), $"/projects/{code}/extend");
        }));

        var requests = await portal.WithDbAsync(db => db.ProjectRequests.AsNoTracking().Where(r => r.Project.Code == code).ToListAsync());
        var open = Assert.Single(requests);
        Assert.True(open.IsOpen);
        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("已有一项延期申请正在办理", page.Text);
        });
    }

    /// <summary>Posts every file from the attachments page's own form, all let into the handler at once.</summary>
    private async Task<Browser.Page[]> UploadTogetherAsync(Browser browser, string code, string group, List<(string Name, byte[] Bytes)> files)
    {
        var page = await browser.GetAsync($"/applications/{code}/edit/attachments");
        var values = Browser.FormValues(page.Document.QuerySelector<IHtmlFormElement>("form[enctype='multipart/form-data']")!);
        values["Input.Kind"] = nameof(AttachmentKind.Other);
        values.Remove("Input.BlindSafe");
        var url = $"/applications/{code}/edit/attachments?handler=Upload";
        portal.Gate.Expect(group, files.Count);
        return await Task.WhenAll(files.Select(async file =>
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values) multipart.Add(new StringContent(value), name);
            multipart.Add(new ByteArrayContent(file.Bytes), "Upload", file.Name);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = multipart };
            request.Headers.Add(SimultaneousGate.Header, group);
            return await Browser.Page.ReadAsync(await browser.Client.SendAsync(request), url);
        }));
    }

    private Task<List<Attachment>> FilesAsync(string code) =>
        portal.WithDbAsync(db => db.Attachments.AsNoTracking()
            .Where(f => db.ClosureApplications.Any(a => a.Id == f.ApplicationId && a.Project.Code == code)).ToListAsync());

    /// <summary>Files in the store: the folder beside a SQLite database, the StoredBlobs table of a server database.</summary>
    private async Task<int> StoredFileCountAsync()
    {
        if (portal.Database!.Provider != DatabaseProvider.Sqlite)
            return await portal.WithDbAsync(db => db.StoredBlobs.CountAsync());
        var root = Path.Combine(portal.Folder, "attachments");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*.bin", SearchOption.AllDirectories).Length : 0;
    }

    /// <summary>A PNG of <paramref name="size"/> bytes, distinct per <paramref name="marker"/>: a real header and one large data chunk.</summary>
    private static byte[] Png(int marker, int size) => ImageFiles.Png(pixelSeed: marker, totalBytes: size);
}
