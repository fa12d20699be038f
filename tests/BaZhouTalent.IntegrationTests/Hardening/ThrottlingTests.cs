using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using BaZhouTalent.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The rate limiter with low limits: sign-in per client and per account, /verify per client, PDFs one at a time
/// with a queue of one. A refusal is 429 with Retry-After and the Chinese page. Clients are told apart by the
/// address the proxy forwards, so each test uses addresses of its own.
/// </summary>
public class ThrottlingTests(ThrottlingTests.ThrottledPortal portal) : IClassFixture<ThrottlingTests.ThrottledPortal>
{
    private const string Pdf = "/applications/BZ25YB027/print/a4.pdf";

    public sealed class ThrottledPortal : ProxiedPortal
    {
        /// <summary>Holds a request inside its page (after the limiter let it in) until released.</summary>
        public HoldFilter Hold { get; } = new();

        private readonly Dictionary<string, Browser> signedIn = [];

        /// <summary>
        /// <paramref name="userName"/> signed in once for the export tests (from an address of theirs): sign-ins are
        /// limited to three an hour per account here, and the other tests sign the same accounts in.
        /// </summary>
        public async Task<Browser> SignedInAsync(string userName)
        {
            if (!signedIn.TryGetValue(userName, out var browser))
            {
                (browser, _) = NewBrowser($"198.18.7.{signedIn.Count + 1}");
                await browser.SignInAsync(userName, "Bz2025demo");
                signedIn[userName] = browser;
            }
            return browser;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Throttling:SignInPerClient:PermitLimit", "3");
            builder.UseSetting("Throttling:SignInPerClient:WindowSeconds", "3600");
            builder.UseSetting("Throttling:SignInPerAccount:PermitLimit", "3");
            builder.UseSetting("Throttling:SignInPerAccount:WindowSeconds", "3600");
            builder.UseSetting("Throttling:VerifyPerClient:PermitLimit", "2");
            builder.UseSetting("Throttling:VerifyPerClient:WindowSeconds", "3600");
            builder.UseSetting("Throttling:PdfConcurrency", "1");
            builder.UseSetting("Throttling:PdfQueue", "1");
            builder.UseSetting("Throttling:PdfRetryAfterSeconds", "7");
            builder.UseSetting("Throttling:ExportConcurrency", "2");
            builder.UseSetting("Throttling:ExportQueue", "1");
            builder.UseSetting("Throttling:ExportRetryAfterSeconds", "9");
            builder.ConfigureTestServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(Hold)));
        }
    }

    public sealed class HoldFilter : IAsyncPageFilter
    {
        public const string Header = "X-Test-Hold";
        private int expected = 1;
        private int entered;
        /// <summary>Set once the expected number of held requests are inside their pages.</summary>
        public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Ready to hold the next <paramref name="requests"/> (each test that holds some starts with it).</summary>
        public void Reset(int requests = 1)
        {
            expected = requests;
            entered = 0;
            Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            // The refused request's Chinese 429 page (the status-code pages run the pipeline again) is not held.
            if (context.HttpContext.Request.Headers.ContainsKey(Header)
                && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                if (Interlocked.Increment(ref entered) >= expected) Entered.TrySetResult();
                await Released.Task;
            }
            await next();
        }
    }

    [Fact]
    public async Task Sign_in_is_limited_per_client()
    {
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync("198.18.1.1", $"someone.{i}")).StatusCode);

        var throttled = await SignInAsync("198.18.1.1", "someone.4");
        var otherClient = await SignInAsync("198.18.1.2", "someone.4");

        await AssertThrottledAsync(throttled);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Contains("用户名或密码错误", await otherClient.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_is_limited_per_account_whatever_the_client()
    {
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync($"198.18.2.{i}", "Target.Account")).StatusCode);

        // Another address and another spelling of the same name: still the same account.
        var throttled = await SignInAsync("198.18.2.4", "target.account");
        var otherAccount = await SignInAsync("198.18.2.5", "other.account");

        await AssertThrottledAsync(throttled);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    /// <summary>Every way the hostile suite found to name the account or reach the page, besides the plain form.</summary>
    private static readonly string[] Variants =
    [
        "trailing-slash", "lower-case-path", "name-twice-target-first", "name-twice-target-second",
        "brackets", "no-prefix", "lower-case-field", "query-string", "multipart",
    ];

    public static TheoryData<string> SignInVariants() => new(Variants);

    [Theory]
    [MemberData(nameof(SignInVariants))]
    public async Task No_spelling_of_path_or_field_escapes_the_per_account_limit(string variant)
    {
        var index = Array.IndexOf(Variants, variant);
        var account = $"variant{index}.account";
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync($"198.18.5.{index * 10 + i}", account)).StatusCode);

        var throttled = await SignInVariantAsync($"198.18.5.{index * 10 + 5}", variant, account);
        // The same spelling on an account with attempts left is a real sign-in attempt, refused for its password.
        var fresh = await SignInVariantAsync($"198.18.5.{index * 10 + 6}", variant, $"fresh{index}.account");

        await AssertThrottledAsync(throttled);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("用户名或密码错误", await fresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_per_client_limit_counts_a_sign_in_at_any_path_routed_to_the_page()
    {
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync("198.18.6.1", $"client.{i}")).StatusCode);

        await AssertThrottledAsync(await SignInVariantAsync("198.18.6.1", "trailing-slash", "client.4"));
        await AssertThrottledAsync(await SignInVariantAsync("198.18.6.1", "lower-case-path", "client.5"));
    }

    [Fact]
    public async Task Verify_is_limited_per_client()
    {
        var (browser, _) = portal.NewBrowser("198.18.3.1");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/verify/ABCD-1234")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/verify?q=ABCD-1235")).StatusCode);

        using var throttled = await browser.Client.GetAsync("/verify/ABCD-1236");
        var (other, _) = portal.NewBrowser("198.18.3.2");

        await AssertThrottledAsync(throttled);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync("/verify/ABCD-1236")).StatusCode);
    }

    [Fact]
    public async Task Pdfs_render_one_at_a_time_with_a_queue_and_beyond_it_429()
    {
        portal.Hold.Reset();
        var (researcher, _) = portal.NewBrowser("198.18.4.1");
        await researcher.SignInAsync("yangzhuo", "Bz2025demo");

        using var holding = new HttpRequestMessage(HttpMethod.Get, Pdf);
        holding.Headers.Add(HoldFilter.Header, "1");
        var first = researcher.Client.SendAsync(holding);
        await portal.Hold.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against hanging, not a timing assertion

        // The permit is held: of two more requests one waits in the queue, the other is refused at once.
        var second = researcher.Client.GetAsync(Pdf);
        var third = researcher.Client.GetAsync(Pdf);
        var queued = await OneRefusedOneQueuedAsync(second, third);

        portal.Hold.Released.SetResult();
        foreach (var done in new[] { await first, await queued })
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Equal("application/pdf", done.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_archive_download_takes_a_PDF_permit_while_the_archive_page_itself_does_not()
    {
        portal.Hold.Reset();
        // A project archive renders what was not kept yet; the reference draft has none, so the page answers 404 once reached.
        const string projectArchive = "/Admin/Archive?handler=Project&code=" + BaZhouTalent.IntegrationTests.Review.ReviewKit.ReferenceCode;
        var (admin, _) = portal.NewBrowser("198.18.5.1");
        await admin.SignInAsync("admin", "Bz2025demo");
        var (researcher, _) = portal.NewBrowser("198.18.5.2");
        await researcher.SignInAsync("yangzhuo", "Bz2025demo");

        using var holding = new HttpRequestMessage(HttpMethod.Get, projectArchive);
        holding.Headers.Add(HoldFilter.Header, "1");
        var first = admin.Client.SendAsync(holding);
        await portal.Hold.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against hanging, not a timing assertion

        // The archive holds the one permit: of a PDF and another archive asked at once, one waits and one is refused.
        var pdf = researcher.Client.GetAsync(Pdf);
        var archive = admin.Client.GetAsync(projectArchive);
        var queued = await OneRefusedOneQueuedAsync(pdf, archive);
        // The page with the forms renders nothing and does not queue.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Archive")).Status);

        portal.Hold.Released.SetResult();
        var held = await first;
        Assert.Equal(HttpStatusCode.NotFound, held.StatusCode);
        Assert.Contains("已提交的结项申请", await held.Content.ReadAsStringAsync());
        // The queued one is the PDF (200) or the other archive (404, reached once the permit was free).
        Assert.Contains((await queued).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
    }

    /// <summary>The three Excel exports and the list page each is offered on.</summary>
    public static TheoryData<string, string> Exports() => new()
    {
        { "/Programme?handler=Export", "/Programme" },
        { "/Admin/Audit?handler=Export", "/Admin/Audit" },
        { "/Admin/Announcements?handler=Xlsx", "/Admin/Announcements" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Exports_are_written_two_at_a_time_with_a_queue_and_beyond_it_429_apart_from_the_PDFs(string export, string page)
    {
        portal.Hold.Reset(requests: 2);
        var admin = await portal.SignedInAsync("admin");
        var researcher = await portal.SignedInAsync("yangzhuo");

        // Four at once: two are written (held inside the page), one waits its turn, one is refused with the Chinese page.
        var requests = Enumerable.Range(0, 4).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, export);
            request.Headers.Add(HoldFilter.Header, "1");
            return admin.Client.SendAsync(request);
        }).ToList();
        List<Task<HttpResponseMessage>> admitted;
        try
        {
            await portal.Hold.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1)); // a guard against hanging, not a timing assertion
            var refused = await Task.WhenAny(requests).WaitAsync(TimeSpan.FromMinutes(1));
            await AssertThrottledAsync(await refused, expectedRetryAfter: TimeSpan.FromSeconds(9));
            admitted = requests.Where(r => r != refused).ToList();
            Assert.All(admitted, r => Assert.False(r.IsCompleted));
            // The list page takes no permit, and a PDF has its own limit.
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).Status);
            using var pdf = await researcher.Client.GetAsync(Pdf);
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        }
        finally
        {
            portal.Hold.Released.TrySetResult(); // never leaves a held request (and its permit) to the next test
        }
        foreach (var done in admitted)
        {
            using var response = await done;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(BaZhouTalent.Application.Common.StreamedWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>Posts the sign-in form (with its antiforgery token) from <paramref name="client"/>; the answer as it came.</summary>
    private Task<HttpResponseMessage> SignInAsync(string client, string userName) => SignInVariantAsync(client, "plain", userName);

    /// <summary>A sign-in for <paramref name="userName"/> spelt as <paramref name="variant"/>, with the page's own antiforgery token.</summary>
    private async Task<HttpResponseMessage> SignInVariantAsync(string client, string variant, string userName)
    {
        var (browser, _) = portal.NewBrowser(client);
        var login = await browser.GetAsync("/Account/Login");
        var values = Browser.FormValues(login.Document.QuerySelector<IHtmlFormElement>("form[method=post]")!);
        values.Remove("Input.UserName");
        values["Input.Password"] = "Wrong-password-1";
        var fields = values.ToList();
        var path = "/Account/Login";
        switch (variant)
        {
            case "plain": fields.Add(new("Input.UserName", userName)); break;
            case "trailing-slash": path += "/"; fields.Add(new("Input.UserName", userName)); break;
            case "lower-case-path": path = path.ToLowerInvariant(); fields.Add(new("Input.UserName", userName)); break;
            case "name-twice-target-first": fields.Add(new("Input.UserName", userName)); fields.Add(new("Input.UserName", "decoy." + Guid.NewGuid().ToString("N"))); break;
            case "name-twice-target-second": fields.Add(new("Input.UserName", "decoy." + Guid.NewGuid().ToString("N"))); fields.Add(new("Input.UserName", userName)); break;
            case "brackets": fields.Add(new("Input[UserName]", userName)); break;
            case "no-prefix":
                // With no field under the Input prefix, model binding falls back to the bare names.
                fields = [.. fields.Select(f => new KeyValuePair<string, string>(f.Key.Replace("Input.", "", StringComparison.Ordinal), f.Value)), new("UserName", userName)];
                break;
            case "lower-case-field": fields.Add(new("input.username", userName)); break;
            case "query-string": path += "?Input.UserName=" + Uri.EscapeDataString(userName); break;
            case "multipart":
                var multipart = new MultipartFormDataContent();
                foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
                multipart.Add(new StringContent(userName), "Input.UserName");
                return await browser.Client.PostAsync(path, multipart);
        }
        return await browser.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Two requests asked while the one permit is held: one is refused at once (429), the other waits; returns the waiting one.</summary>
    private static async Task<Task<HttpResponseMessage>> OneRefusedOneQueuedAsync(Task<HttpResponseMessage> one, Task<HttpResponseMessage> other)
    {
        var refused = await Task.WhenAny(one, other);
        var queued = refused == one ? other : one;
        await AssertThrottledAsync(await refused, expectedRetryAfter: TimeSpan.FromSeconds(7));
        Assert.False(queued.IsCompleted);
        return queued;
    }

    private static async Task AssertThrottledAsync(HttpResponseMessage response, TimeSpan? expectedRetryAfter = null)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero);
        if (expectedRetryAfter is not null)
            Assert.Equal(expectedRetryAfter, retryAfter);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("操作过于频繁", html);
        Assert.Contains($"请 {(int)retryAfter.Value.TotalSeconds} 秒后再试", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }
}

/// <summary>The throttling limits are validated (on start, ValidateOnStart): a limit out of range is refused with its name.</summary>
public class ThrottlingOptionsTests
{
    [Theory]
    [InlineData("ExportConcurrency", "0")]
    [InlineData("ExportQueue", "-1")]
    [InlineData("ExportRetryAfterSeconds", "0")]
    [InlineData("PdfConcurrency", "0")]
    public void A_limit_out_of_range_is_refused_with_its_name(string limit, string value)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Throttling:{limit}"] = value }).Build();
        using var services = new ServiceCollection().AddLogging().AddThrottling(configuration).BuildServiceProvider();

        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BaZhouTalent.Web.Infrastructure.ThrottlingOptions>>().Value);

        Assert.Contains(limit, refused.Message);
    }

    [Fact]
    public void The_default_limits_are_valid() => Assert.True(new BaZhouTalent.Web.Infrastructure.ThrottlingOptions().IsValid());
}
