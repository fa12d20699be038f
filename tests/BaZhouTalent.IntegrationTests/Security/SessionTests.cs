using System.Net;
using System.Text.Json;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static BaZhouTalent.IntegrationTests.Security.SecurityKit;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>
/// 会话 (issue 21): a session ends after 30 minutes without a request (the page can ask how long is left without
/// counting as one) and 8 hours after sign-in however active; the sign-in page says why. The clock is the test's.
/// </summary>
public class SessionTests(ClockedSecurePortal portal) : IClassFixture<ClockedSecurePortal>
{
    [Fact]
    public async Task A_session_idle_past_the_timeout_is_sent_to_sign_in()
    {
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        for (var i = 0; i < 3; i++)
        {
            // Each request restarts the 30 minutes.
            portal.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).Status);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        // The cookie keeps its times to the second or so.
        Assert.InRange(await SecondsLeftAsync(admin), 20 * 60 - 2, 20 * 60);
        // Asking did not renew it: 21 more minutes make 31 without a request.
        portal.Clock.Advance(TimeSpan.FromMinutes(21));
        var ended = await admin.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.StartsWith("/Account/Login?ReturnUrl=%2FAdmin%2FUsers", new Uri(new Uri("http://localhost"), ended.RedirectTarget).PathAndQuery);
        Assert.Contains("ended=idle", ended.RedirectTarget);
        var login = await admin.GetAsync(ended.RedirectTarget!);
        Assert.Contains("超过 30 分钟未操作", login.Document.QuerySelector("[data-testid=session-ended]")!.TextContent);
    }

    [Fact]
    public async Task A_session_ends_eight_hours_after_sign_in_however_active()
    {
        var reviewer = await SecondFactor.SignInAsync(portal, "unit.bzdx");
        for (var minutes = 25; minutes < 8 * 60; minutes += 25)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/")).Status);
        }
        portal.Clock.Advance(TimeSpan.FromMinutes(25));
        var ended = await reviewer.GetAsync("/");
        Assert.Contains("ended=lifetime", ended.RedirectTarget);
        Assert.Contains("已超过 8 小时", (await reviewer.GetAsync(ended.RedirectTarget!)).Text);
    }

    [Fact]
    public async Task Without_single_session_mode_an_account_may_be_signed_in_twice()
    {
        var first = await SecondFactor.SignInAsync(portal, "skl.bazhou");
        var second = await SecondFactor.SignInAsync(portal, "skl.bazhou");
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).Status);
    }

    private static async Task<int> SecondsLeftAsync(Browser browser)
    {
        var answer = await browser.Client.GetAsync("/Account/Session");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("seconds").GetInt32();
    }
}

/// <summary>Security:SingleSession (issue 21): a new sign-in ends the account's other sessions, which are told why.</summary>
public class SingleSessionTests(SingleSessionTests.Portal portal) : IClassFixture<SingleSessionTests.Portal>
{
    public sealed class Portal : ClockedSecurePortal
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:SingleSession", "true");
        }
    }

    [Fact]
    public async Task A_new_sign_in_ends_the_first_browsers_session_with_a_message()
    {
        var first = await SecondFactor.SignInAsync(portal, "admin");
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Admin/Users")).Status);
        var before = await LastSequenceAsync(portal);

        var second = await SecondFactor.SignInAsync(portal, "admin");

        var ended = await first.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.Contains("ended=replaced", ended.RedirectTarget);
        Assert.Contains("已在其他地方登录", (await first.GetAsync(ended.RedirectTarget!)).Text);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/Admin/Users")).Status);
        // The first browser's cookie is gone for good, not only refused once.
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/")).Status);
        var signOut = Assert.Single(await RecordsAfterAsync(portal, before), r => r.Kind == nameof(SecurityEventKind.SignOut));
        Assert.Contains("单一会话", signOut.Detail);
    }
}
