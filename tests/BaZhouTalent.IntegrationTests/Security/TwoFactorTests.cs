using System.Net;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static BaZhouTalent.IntegrationTests.Security.SecurityKit;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>
/// 身份鉴别, two factors (issue 21): 市社科联 accounts need an authenticator code after the password — enrolling at the
/// first sign-in — and reach nothing before; a code is good once and wrong codes count towards lockout; recovery codes
/// work once; an administrator's reset makes the account enrol again. The portal runs as installed (2FA required).
/// </summary>
public class TwoFactorTests(SecurePortalFactory portal) : IClassFixture<SecurePortalFactory>
{
    /// <summary>Pages a sign-in in progress may use; everything else needs the whole sign-in.</summary>
    private static readonly string[] OpenRoutes =
    [
        "GET /Account/Login", "GET /Account/Logout", "GET /Account/LoginWith2fa", "GET /Account/LoginWithRecoveryCode",
        "GET /Account/EnrollAuthenticator", "GET /Account/EnrollAuthenticator?handler=Qr", "GET /Error/{code:int}",
        "GET /verify/{code?}", "GET /healthz",
    ];

    private static readonly Dictionary<string, string> RouteValues = new()
    {
        ["{code}"] = "BZ25YB027", ["{projectCode}"] = "BZ25YB027", ["{document}"] = "a4", ["{userName}"] = "admin",
        ["{code?}"] = "", ["{code:int}"] = "404", ["{id?}"] = "", ["{id:int}"] = "1", ["{decision?}"] = "approve",
    };

    [Fact]
    public async Task A_federation_account_reaches_no_page_before_its_second_factor()
    {
        var account = await FederationAccountAsync(portal, "fed.gate");
        var (browser, page) = await PasswordOnlyAsync(portal, account);
        Assert.StartsWith("/Account/EnrollAuthenticator", page.Url);
        await AssertEveryPageNeedsSignInAsync(browser);

        page = await SecondFactor.CompleteAsync(portal, browser, page, account);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Users")).Status);
        await SignOutAsync(browser);

        // Enrolled: the password leads to the code, and still to nothing else.
        (browser, page) = await PasswordOnlyAsync(portal, account);
        Assert.StartsWith("/Account/LoginWith2fa", page.Url);
        await AssertEveryPageNeedsSignInAsync(browser);
        await SecondFactor.CompleteAsync(portal, browser, page, account);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Users")).Status);
    }

    [Fact]
    public async Task A_wrong_or_replayed_code_is_refused_and_counted_towards_lockout()
    {
        var account = await FederationAccountAsync(portal, "fed.replay");
        await SignOutAsync(await SecondFactor.SignInAsync(portal, account));
        var key = await SecondFactor.KeyAsync(portal, account);

        var (browser, page) = await PasswordOnlyAsync(portal, account);
        var wrong = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("验证码不正确或已使用过", wrong.Text);
        Assert.Equal(1, (await AccountAsync(portal, account)).AccessFailedCount);

        var code = await SecondFactor.UnusedCodeAsync(portal, account, key);
        var accepted = await browser.SubmitAsync(wrong, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/", accepted.RedirectTarget);
        Assert.Equal(0, (await AccountAsync(portal, account)).AccessFailedCount);
        await SignOutAsync(browser);

        // The same code again, while it is still the current one: refused, and counted.
        var before = await LastSequenceAsync(portal);
        (browser, page) = await PasswordOnlyAsync(portal, account);
        var replayed = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Contains("验证码不正确或已使用过", replayed.Text);
        Assert.Equal(1, (await AccountAsync(portal, account)).AccessFailedCount);
        var refusal = Assert.Single(await RecordsAfterAsync(portal, before), r => r.Kind == nameof(SecurityEventKind.SignIn));
        Assert.Equal((nameof(SecurityOutcome.Failure), "验证码已使用过（重放）"), (refusal.Outcome, refusal.Detail));

        // Four more wrong codes lock the account: then even a right code is refused.
        for (var i = 0; i < 4; i++)
            replayed = await browser.SubmitAsync(replayed, new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        Assert.True((await AccountAsync(portal, account)).LockoutEnd > DateTimeOffset.UtcNow);
        var locked = await browser.SubmitAsync(replayed, new Dictionary<string, string> { ["Code"] = await SecondFactor.UnusedCodeAsync(portal, account, key) });
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
        Assert.Single(await RecordsAfterAsync(portal, before), r => r.Kind == nameof(SecurityEventKind.AccountLockedOut));
    }

    [Fact]
    public async Task One_code_sent_twice_at_once_signs_in_once()
    {
        var account = await FederationAccountAsync(portal, "fed.twice");
        await SignOutAsync(await SecondFactor.SignInAsync(portal, account));
        var first = await PasswordOnlyAsync(portal, account);
        var second = await PasswordOnlyAsync(portal, account);
        var code = await SecondFactor.UnusedCodeAsync(portal, account, await SecondFactor.KeyAsync(portal, account));

        var results = await Task.WhenAll(
            first.Browser.SubmitAsync(first.Page, new Dictionary<string, string> { ["Code"] = code }),
            second.Browser.SubmitAsync(second.Page, new Dictionary<string, string> { ["Code"] = code }));

        var outcomes = string.Join("\n", results.Select(r => $"{r.Status} {r.RedirectTarget} {r.Text}"));
        Assert.True(results.Count(r => r.RedirectTarget == "/") == 1, outcomes);
        Assert.True(results.Count(r => r.Status == HttpStatusCode.OK && r.Text.Contains("验证码不正确或已使用过")) == 1, outcomes);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var account = await FederationAccountAsync(portal, "fed.recovery");
        var browser = new Browser(portal.CreateBrowser());
        var shown = await SecondFactor.CompleteAsync(portal, browser, await browser.SignInAsync(account, Password), account);
        var codes = shown.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        await SignOutAsync(browser);

        var before = await LastSequenceAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await RecoveryAsync(account, codes[0])).Status);
        Assert.Equal(HttpStatusCode.OK, (await RecoveryAsync(account, codes[0])).Status);
        // Typed without the hyphen, in lower case: still the code.
        Assert.Equal(HttpStatusCode.Redirect, (await RecoveryAsync(account, codes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())).Status);

        var signIns = (await RecordsAfterAsync(portal, before)).Where(r => r.Kind == nameof(SecurityEventKind.SignIn)).ToList();
        Assert.Equal(["密码＋恢复码（剩余 9 个）", "恢复码无效或已使用", "密码＋恢复码（剩余 8 个）"], signIns.Select(r => r.Detail));
    }

    [Fact]
    public async Task An_administrators_reset_ends_the_sessions_and_the_account_enrols_again()
    {
        var account = await FederationAccountAsync(portal, "fed.lost");
        var phone = await SecondFactor.SignInAsync(portal, account);
        var oldKey = await SecondFactor.KeyAsync(portal, account);
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        var before = await LastSequenceAsync(portal);

        var form = await admin.GetAsync($"/Admin/Users/ResetTwoFactor/{account}");
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(form, new Dictionary<string, string>())).Status);
        Assert.True((await AccountAsync(portal, account)).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, new Dictionary<string, string> { ["Confirmed"] = "true" })).Status);

        var ended = await phone.GetAsync("/");
        Assert.StartsWith("/Account/Login", new Uri(new Uri("http://localhost"), ended.RedirectTarget).PathAndQuery);
        var (_, page) = await PasswordOnlyAsync(portal, account);
        Assert.StartsWith("/Account/EnrollAuthenticator", page.Url);
        Assert.NotEqual(AuthenticatorKey(oldKey), AuthenticatorKey(page.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent));
        var reset = Assert.Single(await RecordsAfterAsync(portal, before), r => r.Kind == nameof(StaffAction.TwoFactorReset));
        Assert.Equal(("admin", account, SecurePortalFactory.ClientAddress), (reset.Account, reset.Target, reset.ClientAddress));
    }

    [Fact]
    public async Task A_session_made_federation_without_a_second_factor_ends()
    {
        await Review.ReviewKit.CreateUserAsync(portal, "promoted", "将调入市社科联", Roles.UnitReviewer, Review.ReviewKit.PartySchoolBazhou);
        var reviewer = await SecondFactor.SignInAsync(portal, "promoted");
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        var form = await admin.GetAsync("/Admin/Users/Role/promoted");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Role"] = Roles.MunicipalFederation, ["Input.UnitId"] = "", ["Input.RegionId"] = "",
        })).Status);

        var ended = await reviewer.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.Contains("ended=mfa", ended.RedirectTarget);
        var (_, page) = await PasswordOnlyAsync(portal, "promoted");
        Assert.StartsWith("/Account/EnrollAuthenticator", page.Url);
    }

    [Fact]
    public async Task Other_roles_may_choose_a_second_factor()
    {
        await Researcher.Researchers.CreateOtherResearcherAsync(portal, "chooses.2fa");
        var browser = await Researcher.Researchers.SignInAsync(portal, "chooses.2fa", Researcher.Researchers.OtherPassword);
        Assert.Contains("未绑定身份验证器", (await browser.GetAsync("/Account/Security")).Text);
        var enrol = await browser.GetAsync("/Account/EnrollAuthenticator");
        var codes = await SecondFactor.CompleteAsync(portal, browser, enrol, "chooses.2fa");
        Assert.Equal(10, codes.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        await SignOutAsync(browser);

        var (_, page) = await PasswordOnlyAsync(portal, "chooses.2fa", Researcher.Researchers.OtherPassword);
        Assert.StartsWith("/Account/LoginWith2fa", page.Url);
    }

    private async Task<Browser.Page> RecoveryAsync(string account, string code)
    {
        var (browser, _) = await PasswordOnlyAsync(portal, account);
        var page = await browser.GetAsync("/Account/LoginWithRecoveryCode");
        return await browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = code });
    }

    private static string AuthenticatorKey(string shown) => shown.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private async Task AssertEveryPageNeedsSignInAsync(Browser browser)
    {
        var failures = new List<string>();
        foreach (var route in (await RouteTable.ReadAsync(portal.Services)).Where(r => RouteTable.MethodOf(r) == "GET" && !OpenRoutes.Contains(r)))
        {
            var response = await browser.Client.GetAsync(RouteTable.UrlOf(route, RouteValues));
            var location = response.Headers.Location is { } to ? new Uri(new Uri("http://localhost"), to).PathAndQuery : "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/Account/Login?", StringComparison.Ordinal))
                failures.Add($"{route}: {(int)response.StatusCode} {location}");
        }
        Assert.True(failures.Count == 0, "reached before the second factor:\n" + string.Join("\n", failures));
    }
}

/// <summary>The code steps count in the sign-in limiter like the password (per account, keyed on the account held).</summary>
public class SecondFactorThrottlingTests(SecondFactorThrottlingTests.Portal portal) : IClassFixture<SecondFactorThrottlingTests.Portal>
{
    public sealed class Portal : SecurePortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Throttling:SignInPerAccount:PermitLimit", "4");
        }
    }

    [Fact]
    public async Task Codes_beyond_the_per_account_limit_get_429()
    {
        var account = await FederationAccountAsync(portal, "fed.throttled");
        // The enrolment's code is the account's first code step of the window; three wrong codes follow, the fourth is one too many.
        await SecondFactor.SignInAsync(portal, account);
        var key = await SecondFactor.KeyAsync(portal, account);
        var (browser, page) = await PasswordOnlyAsync(portal, account);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = WrongCode(key) })).Status);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
