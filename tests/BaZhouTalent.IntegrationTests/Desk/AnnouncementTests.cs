using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>
/// 结项公示 with a period of five working days (Closure:Announcement:WorkingDays = 5): a conclusion is published as
/// 公示中 until the period's last day, objections are recorded and decided on the federation's page, and the certificate
/// (PDF, /verify, the application page) issues only once the period has ended with none standing and none upheld.
/// The portal runs on a clock the tests move; every test concludes on a Friday at 10:00 China time, and the fixture
/// makes every Wednesday a public holiday, so each period ends on the second Monday after (Mon, Tue, Thu, Fri, Mon).
/// </summary>
public class AnnouncementTests(AnnouncementTests.Fixture portal) : IClassFixture<AnnouncementTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public FakeTimeProvider Clock { get; } = new(NextFriday(DateTimeOffset.UtcNow.AddDays(-7)));

        public SimultaneousGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Closure:Announcement:WorkingDays", "5");
            var firstWednesday = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(5);
            for (var week = 0; week < 60; week++)
                builder.UseSetting($"Closure:Deadlines:Holidays:{week}", firstWednesday.AddDays(7 * week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
            SimultaneousGate.AddTo(builder, Gate);
        }

        /// <summary>Moves the clock on to the next Friday, 10:00 China time (02:00 UTC).</summary>
        public DateOnly ToNextFriday()
        {
            Clock.SetUtcNow(NextFriday(Clock.GetUtcNow()));
            return DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        }

        /// <summary>Moves the clock on to 10:00 China time of <paramref name="day"/>.</summary>
        public void To(DateOnly day) => Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

        private static DateTimeOffset NextFriday(DateTimeOffset after)
        {
            var day = after.UtcDateTime.Date.AddDays(1);
            while (day.DayOfWeek != DayOfWeek.Friday) day = day.AddDays(1);
            return new DateTimeOffset(day.AddHours(2), TimeSpan.Zero);
        }
    }

    private static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>Concludes <paramref name="code"/> on a Friday through the review pages; returns that Friday.</summary>
    private async Task<DateOnly> ConcludeOnFridayAsync(string code)
    {
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        var friday = portal.ToNextFriday();
        await ConcludeSubmittedAsync(portal, code);
        return friday;
    }

    private async Task<Browser.Page> RecordAsync(Browser admin, string code, string objector, string content, DateOnly received)
    {
        var page = await admin.GetAsync($"/Admin/Announcements/{code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await PostFormAsync(admin, page, "record-objection", new Dictionary<string, string>
        {
            ["Objection.ObjectorName"] = objector,
            ["Objection.Content"] = content,
            ["Objection.ReceivedOn"] = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }

    private async Task<Browser.Page> DecideAsync(Browser admin, string code, bool upheld, string reason)
    {
        var page = await admin.GetAsync($"/Admin/Announcements/{code}");
        return await PostFormAsync(admin, page, "decide-objection", new Dictionary<string, string>
        {
            ["Decision.Upheld"] = upheld ? "true" : "false",
            ["Decision.Reason"] = reason,
        });
    }

    private async Task<(HttpStatusCode Status, string Text)> CertificateAsync(string code)
    {
        var admin = await SignInAsync(portal, "admin");
        var response = await admin.Client.GetAsync($"/applications/{code}/certificate.pdf");
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/pdf" ? PdfText(body) : System.Text.Encoding.UTF8.GetString(body));
    }

    private async Task<Browser.Page> VerifyAsync(string code)
    {
        var concluding = (await LoadAsync(portal, code)).Opinions.Single(o => o.Stage == ReviewStage.Federation);
        return await new Browser(portal.CreateBrowser()).GetAsync($"/verify/{concluding.VerificationCode}");
    }

    [Fact]
    public async Task A_conclusion_is_announced_for_five_working_days_and_its_certificate_issues_the_day_after()
    {
        const string code = "BZ25YB751";
        var friday = await ConcludeOnFridayAsync(code);
        var endsOn = friday.AddDays(10);

        var list = await (await SignInAsync(portal, "admin")).GetAsync($"/Admin/Announcements?year={friday.Year}");
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(code));
        Assert.Equal($"公示中（至 {Chinese(endsOn)}）", row.QuerySelector("[data-testid=announcement-state]")!.TextContent.Trim());

        var (status, text) = await CertificateAsync(code);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains($"结项公示中，公示期至 {Chinese(endsOn)}", text);
        var verify = await VerifyAsync(code);
        Assert.Contains($"公示期至 {Chinese(endsOn)}", verify.Document.QuerySelector("[data-testid=announcement-status]")!.TextContent);
        Assert.Null(verify.Document.QuerySelector("[data-testid=certificate-facts]"));
        var researcher = await SignInAsync(portal, "yangzhuo");
        var details = await researcher.GetAsync($"/applications/{code}");
        Assert.Contains("结项公示中", details.Document.QuerySelector("[data-testid=announcement-status]")!.TextContent);
        Assert.Null(details.Document.QuerySelector("[data-testid=certificate-link]"));

        // The last day of the period, in the evening China time: still running.
        portal.Clock.SetUtcNow(new DateTimeOffset(endsOn.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Conflict, (await CertificateAsync(code)).Status);

        portal.To(endsOn.AddDays(1));
        (status, text) = await CertificateAsync(code);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("结项证书", text);
        verify = await VerifyAsync(code);
        Assert.NotNull(verify.Document.QuerySelector("[data-testid=certificate-facts]"));
        Assert.Null(verify.Document.QuerySelector("[data-testid=announcement-status]"));
        researcher = await SignInAsync(portal, "yangzhuo");
        Assert.NotNull((await researcher.GetAsync($"/applications/{code}")).Document.QuerySelector("[data-testid=certificate-link]"));
    }

    [Fact]
    public async Task A_standing_objection_holds_the_certificate_past_the_period_until_it_is_found_unfounded()
    {
        const string code = "BZ25YB752";
        var friday = await ConcludeOnFridayAsync(code);
        portal.To(friday.AddDays(3));
        var admin = await SignInAsync(portal, "admin");
        var recorded = await RecordAsync(admin, code, "张某（巴州区居民）", "成果中第三部分的数据与公开统计不符。", friday.AddDays(3));
        Assert.True(recorded.Status == HttpStatusCode.Redirect, recorded.Text);
        var page = await admin.GetAsync($"/Admin/Announcements/{code}");
        Assert.Contains("张某（巴州区居民）", page.Document.QuerySelector("[data-testid=objections]")!.TextContent);
        Assert.Contains("有异议待处理", page.Document.QuerySelector("[data-testid=announcement-state]")!.TextContent);

        portal.To(friday.AddDays(20));
        var (status, text) = await CertificateAsync(code);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("收到异议，正在处理", text);

        admin = await SignInAsync(portal, "admin");
        var decided = await DecideAsync(admin, code, upheld: false, "经核对，数据出自2024年统计年鉴，与公开统计一致。");
        Assert.True(decided.Status == HttpStatusCode.Redirect, decided.Text);
        Assert.Equal(HttpStatusCode.OK, (await CertificateAsync(code)).Status);
        var objection = await portal.WithDbAsync(db => db.AnnouncementObjections.AsNoTracking().SingleAsync(o => o.ObjectorName == "张某（巴州区居民）"));
        Assert.Equal(ObjectionOutcome.Dismissed, objection.Outcome);
        Assert.Equal("王建华", objection.DecidedByName);
        var audit = await DeskKit.StaffAuditAsync(portal);
        Assert.Contains(audit, r => r.Action == "ObjectionRecorded" && r.Note.Contains(code));
        Assert.Contains(audit, r => r.Action == "ObjectionDecided" && r.Note.Contains("不成立"));
    }

    [Fact]
    public async Task An_upheld_objection_withholds_the_certificate_and_verify_and_the_list_say_so()
    {
        const string code = "BZ25YB753";
        var friday = await ConcludeOnFridayAsync(code);
        var admin = await SignInAsync(portal, "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, code, "巴州区某单位", "成果主体内容与已发表论文雷同。", friday)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(admin, code, upheld: true, "经查，成果与已发表论文高度重复。")).Status);

        portal.To(friday.AddDays(30));
        var (status, text) = await CertificateAsync(code);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("异议经市社科联核查成立，不颁发结项证书", text);
        var verify = await VerifyAsync(code);
        Assert.Contains("异议经市社科联核查成立", verify.Document.QuerySelector("[data-testid=announcement-status]")!.TextContent);
        Assert.Null(verify.Document.QuerySelector("[data-testid=certificate-facts]"));
        admin = await SignInAsync(portal, "admin");
        var list = await admin.GetAsync($"/Admin/Announcements?year={friday.Year}");
        Assert.Contains("异议成立，不颁发证书", list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(code)).TextContent);
        // Nothing more to record once one is upheld.
        Assert.Null((await admin.GetAsync($"/Admin/Announcements/{code}")).Document.QuerySelector("form[data-form=record-objection]"));
    }

    [Fact]
    public async Task An_objection_dated_outside_the_period_is_refused_in_Chinese_and_the_typed_text_kept()
    {
        const string code = "BZ25YB754";
        var friday = await ConcludeOnFridayAsync(code);
        portal.To(friday.AddDays(12));
        var admin = await SignInAsync(portal, "admin");
        var refused = await RecordAsync(admin, code, "李某", "迟到的异议内容。", friday.AddDays(11));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("收到异议的日期须在公示期内", refused.Text);
        Assert.Equal("李某", refused.Document.QuerySelector<IHtmlInputElement>("#objector")!.Value);
        Assert.Equal("迟到的异议内容。", refused.Document.QuerySelector<IHtmlTextAreaElement>("#objection-content")!.Value);
        var empty = await RecordAsync(admin, code, "", "", friday);
        Assert.Contains("请填写异议人", empty.Text);
        Assert.Contains("请填写异议内容", empty.Text);
        Assert.False(await portal.WithDbAsync(db => db.AnnouncementObjections.AnyAsync(o => o.ObjectorName == "李某")));
        Assert.Equal(HttpStatusCode.OK, (await CertificateAsync(code)).Status);
    }

    [Fact]
    public async Task Two_simultaneous_decisions_on_one_objection_save_one_and_refuse_the_other()
    {
        const string code = "BZ25YB755";
        var friday = await ConcludeOnFridayAsync(code);
        var admin = await SignInAsync(portal, "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(admin, code, "王某", "异议内容。", friday)).Status);
        var page = await admin.GetAsync($"/Admin/Announcements/{code}");
        var values = Browser.FormValues(page.Document.QuerySelector<IHtmlFormElement>("form[data-form=decide-objection]")!);
        var url = $"/Admin/Announcements/{code}?handler=Decide";
        portal.Gate.Expect("objection", 2);
        var answers = await Task.WhenAll(new[] { "true", "false" }.Select(async upheld =>
        {
            var fields = new Dictionary<string, string>(values) { ["Decision.Upheld"] = upheld, ["Decision.Reason"] = $"核查结论 {upheld}" };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add(SimultaneousGate.Header, "objection");
            return await Browser.Page.ReadAsync(await admin.Client.SendAsync(request), url);
        }));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        var refused = Assert.Single(answers, a => a.Status != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("该异议已经处理", refused.Text);
        var objection = await portal.WithDbAsync(db => db.AnnouncementObjections.AsNoTracking().SingleAsync(o => o.ObjectorName == "王某"));
        Assert.NotNull(objection.Outcome);
    }
}
