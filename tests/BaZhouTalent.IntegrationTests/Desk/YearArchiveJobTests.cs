using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaZhouTalent.IntegrationTests.Desk.YearArchiveKit;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// A year's 归档 prepared in the background: started on /Admin/Archive, its progress on the page while the worker is held
/// inside the year (a stored file's read held by the test), finished, downloaded through its link (ranges too) and read
/// back with every manifest hash checked; one job per year under simultaneous starts; a job whose instance stopped taken
/// over after its lease, or given up after the attempts allowed. Each test has a funding year of its own.
/// </summary>
public class YearArchiveJobTests(YearArchiveJobTests.Portal portal) : IClassFixture<YearArchiveJobTests.Portal>
{
    public class Portal : PortalFactory
    {
        public SimultaneousGate Simultaneous { get; } = new();

        /// <summary>The read the store holds now; a test sets a new one.</summary>
        public HeldRead Held { get; set; } = new();

        public string ArchiveFolder => Path.Combine(Folder, "archives");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            SimultaneousGate.AddTo(builder, Simultaneous);
            builder.ConfigureTestServices(services => HeldFileStore.Wrap(services, () => Held));
        }
    }

    [SkippableFact]
    public async Task A_year_is_prepared_in_the_background_with_its_progress_shown_then_downloaded_with_every_hash_matching()
    {
        const int year = 2021;
        string[] codes = ["BZ25YB861", "BZ25YB862"];
        foreach (var code in codes) await DeskKit.ConcludeAsync(portal, code);
        await MoveToYearAsync(portal, year, codes);
        // The second application's final report is held unread: the job stays under way after the first application.
        portal.Held = new HeldRead { Sha256 = await KeptSha256Async(codes[1], BuildArchive.Report) };
        var admin = await SignInAsync(portal, "admin");

        var started = await StartAsync(admin, year);
        Assert.Contains($"已开始生成 {year} 年度归档包", started.Text);
        await portal.Held.Reached.Task.WaitAsync(Guard);

        var running = await admin.GetAsync("/Admin/Archive");
        var row = NewestRow(running, year)!;
        Assert.Equal("生成中", Status(row));
        var progress = row.QuerySelector("progress")!;
        Assert.Equal(("1", "2"), (progress.GetAttribute("value"), progress.GetAttribute("max")));
        Assert.Contains("1 / 2 项", row.TextContent);
        Assert.Contains("生成完成后在此下载", row.TextContent);
        Assert.Null(row.QuerySelector("a[data-download]"));
        // The page refreshes itself while a year is under way: the table by script, the page without.
        Assert.NotNull(running.Document.QuerySelector("[data-archive-jobs][data-under-way=true]"));
        Assert.Contains("<noscript><meta http-equiv=\"refresh\"", running.Html);
        Assert.NotNull(running.Document.QuerySelector("script[src^='/js/archive-progress.js']"));
        // A second start while it runs shows the running one.
        var again = await StartAsync(admin, year);
        Assert.Contains($"{year} 年度归档包已在生成中", again.Text);
        Assert.Equal(1, await JobCountAsync(year));

        portal.Held.Released.SetResult();
        var finished = await WaitAsync(admin, year);
        row = NewestRow(finished, year)!;
        Assert.Equal("已完成", Status(row));
        Assert.NotNull(finished.Document.QuerySelector("[data-archive-jobs][data-under-way=false]"));
        Assert.DoesNotContain("http-equiv=\"refresh\"", finished.Html);
        var link = DownloadLink(finished, year);
        var response = await admin.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BuildArchive.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BuildArchive.YearFileName(year), response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        var zip = await response.Content.ReadAsByteArrayAsync();
        // The SHA-256 shown is the file's.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(zip)), row.QuerySelector(".archive-hash code")!.TextContent.Trim());
        var entries = CertificateTests.ReadZip(zip);
        CertificateTests.AssertManifestMatches(entries);
        foreach (var code in codes)
        {
            Assert.Contains($"{code}/结项证书.pdf", entries.Keys);
            Assert.Contains($"{code}/审核历史.csv", entries.Keys);
        }
        Assert.Contains($"（{codes.Length} 项）", System.Text.Encoding.UTF8.GetString(entries[BuildArchive.ReadMeName]));

        // A download cut off can be resumed: a range answers that part.
        using var part = new HttpRequestMessage(HttpMethod.Get, link);
        part.Headers.Range = new RangeHeaderValue(100, 1099);
        var partial = await admin.Client.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(zip[100..1100], await partial.Content.ReadAsByteArrayAsync());

        // The zip is in the archive folder under its own name, no partial file beside it.
        var job = await NewestJobAsync(year);
        Assert.Equal([PrepareYearArchive.FileName(job)], FilesOf(year));

        // Made again, the newer one replaces it: its file deleted, its row saying so, its link gone.
        var newer = await DownloadAsync(admin, year);
        CertificateTests.AssertManifestMatches(CertificateTests.ReadZip(newer));
        var page = await admin.GetAsync("/Admin/Archive");
        var replaced = page.Document.QuerySelector($"tr[data-archive-job='{job.Id}']")!;
        Assert.Equal("已被新的归档包替换", Status(replaced));
        Assert.Null(replaced.QuerySelector("a[data-download]"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync(link)).StatusCode);
        Assert.Equal([PrepareYearArchive.FileName(await NewestJobAsync(year))], FilesOf(year));
    }

    [SkippableFact]
    public async Task Simultaneous_starts_of_a_year_make_one_job()
    {
        const int year = 2022;
        const string code = "BZ25YB863";
        await DeskKit.ConcludeAsync(portal, code);
        await MoveToYearAsync(portal, year, code);
        // Held inside the year, so the first job is still under way while the other starts arrive.
        portal.Held = new HeldRead { Sha256 = await KeptSha256Async(code, BuildArchive.FormA4) };
        var admin = await SignInAsync(portal, "admin");
        var page = await admin.GetAsync("/Admin/Archive");
        var form = page.Document.QuerySelector<IHtmlFormElement>("form[data-form=archive-year]")!;
        var fields = Support.Browser.FormValues(form);
        fields["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        portal.Simultaneous.Expect("start", 4);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add(SimultaneousGate.Header, "start");
            return (await admin.Client.SendAsync(request)).StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(1, await JobCountAsync(year));
        portal.Held.Released.SetResult();
        var finished = await WaitAsync(admin, year);
        Assert.Equal("已完成", Status(NewestRow(finished, year)!));
        Assert.Equal(1, await JobCountAsync(year));
    }

    [SkippableFact]
    public async Task A_job_whose_instance_stopped_is_taken_over_after_its_lease_and_given_up_after_the_attempts_allowed()
    {
        const int year = 2020;
        const int stuckYear = 2019;
        const string code = "BZ25YB864";
        await DeskKit.ConcludeAsync(portal, code);
        await MoveToYearAsync(portal, year, code);
        var adminId = await UserIdAsync(portal, "admin");
        var now = DateTimeOffset.UtcNow;
        // One job whose instance stopped a minute ago, after it had begun writing; one whose instance still holds it.
        var abandoned = await AddRunningAsync(year, adminId, "stopped-instance:1", now.AddMinutes(-1), attempts: 1);
        var held = await AddRunningAsync(stuckYear, adminId, "live-instance:2", now.AddHours(1), attempts: 1);
        Directory.CreateDirectory(portal.ArchiveFolder);
        var leftover = Path.Combine(portal.ArchiveFolder, $"{PrepareYearArchive.FileName(abandoned)}.1{PrepareYearArchive.PartialSuffix}");
        await File.WriteAllBytesAsync(leftover, [1, 2, 3]);
        var admin = await SignInAsync(portal, "admin");

        portal.Services.GetRequiredService<YearArchiveSignal>().Poke();
        var finished = await WaitAsync(admin, year);

        Assert.Equal("已完成", Status(NewestRow(finished, year)!));
        var taken = await JobAsync(abandoned.Id);
        Assert.Equal(2, taken.Attempts);
        Assert.False(File.Exists(leftover));
        var entries = CertificateTests.ReadZip(await CertificateTests.BytesAsync(admin, DownloadLink(finished, year)));
        CertificateTests.AssertManifestMatches(entries);
        Assert.Contains($"{code}/结项证书.pdf", entries.Keys);
        // The job whose lease still holds is left to its instance.
        var untouched = await JobAsync(held.Id);
        Assert.Equal((YearArchiveStatus.Running, "live-instance:2", 1), (untouched.Status, untouched.Holder, untouched.Attempts));
        Assert.Equal("生成中", Status(NewestRow(finished, stuckYear)!));

        // Its instance stops too, after the last attempt allowed: the job is given up with the reason, in Chinese.
        await portal.WithDbAsync(db => db.YearArchiveJobs.Where(j => j.Id == held.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now.AddSeconds(-1)).SetProperty(j => j.Attempts, 3)));
        portal.Services.GetRequiredService<YearArchiveSignal>().Poke();
        var failed = await WaitAsync(admin, stuckYear);
        var row = NewestRow(failed, stuckYear)!;
        Assert.Equal("失败", Status(row));
        Assert.Equal(PrepareYearArchive.AbandonedMessage, row.QuerySelector("[data-error]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("a[data-download]"));
    }

    [SkippableFact]
    public async Task A_year_without_a_closed_application_is_not_started_and_the_typed_year_stays()
    {
        var admin = await SignInAsync(portal, "admin");
        var answer = await PostStartAsync(admin, 2005);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("2005 年度立项的项目中没有已结项或不予结项的申请，无需归档。", answer.Text);
        Assert.Equal("2005", answer.Document.QuerySelector<IHtmlInputElement>("#archive-year")!.Value);
        var invalid = await PostStartAsync(admin, 1999);
        Assert.Contains("立项年度应为 2000 至 2100 之间的年份。", invalid.Text);
        Assert.Equal(0, await portal.WithDbAsync(db => db.YearArchiveJobs.CountAsync(j => j.Year == 2005 || j.Year == 1999)));
    }

    private Task<string> KeptSha256Async(string code, string name) => portal.WithDbAsync(db => db.ArchivedDocuments
        .Where(d => d.Name == name && db.ClosureApplications.Any(a => a.Id == d.ApplicationId && a.Project.Code == code)).Select(d => d.Sha256).SingleAsync());

    private Task<int> JobCountAsync(int year) => portal.WithDbAsync(db => db.YearArchiveJobs.CountAsync(j => j.Year == year));

    private Task<YearArchiveJob> NewestJobAsync(int year) =>
        portal.WithDbAsync(db => db.YearArchiveJobs.AsNoTracking().Where(j => j.Year == year).OrderByDescending(j => j.Id).FirstAsync());

    private Task<YearArchiveJob> JobAsync(int id) => portal.WithDbAsync(db => db.YearArchiveJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private string[] FilesOf(int year) => Directory.GetFiles(portal.ArchiveFolder, $"archive-{year}-*").Select(Path.GetFileName).ToArray()!;

    private Task<YearArchiveJob> AddRunningAsync(int year, string userId, string holder, DateTimeOffset leaseExpires, int attempts) =>
        portal.WithDbAsync(async db =>
        {
            var job = new YearArchiveJob
            {
                Year = year, Status = YearArchiveStatus.Running, RequestedByUserId = userId, RequestedByName = "系统管理员",
                RequestedAt = leaseExpires.AddMinutes(-10), StartedAt = leaseExpires.AddMinutes(-5), Holder = holder,
                LeaseExpiresAt = leaseExpires, Attempts = attempts, Total = 1,
            };
            db.YearArchiveJobs.Add(job);
            await db.SaveChangesAsync();
            return job;
        });
}
