using BaZhouTalent.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests;

/// <summary>The portal as installed: 市社科联 accounts need an authenticator code (Security:TwoFactor:RequiredRoles).</summary>
public sealed class SecureLivePortal : LivePortal
{
    protected override bool RequireTwoFactor => true;
}

/// <summary>
/// 双因素认证 in a real browser (issue 21): the federation's first sign-in shows the QR code and the key; the test is the
/// phone — it reads the key off the page and computes the code (RFC 6238) — then signs out and in again with a code.
/// </summary>
public class SecondFactorTests(SecureLivePortal portal) : IClassFixture<SecureLivePortal>
{
    [Fact]
    public async Task A_federation_account_enrols_with_an_authenticator_and_signs_in_again_with_a_code()
    {
        var page = await portal.NewPageAsync();
        await SignInWithPasswordAsync(page);

        await page.WaitForURLAsync(url => url.Contains("/Account/EnrollAuthenticator"));
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "身份验证器二维码（含密钥，请勿截图外传）" });
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "the QR code did not load");
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();
        await portal.ScreenshotAsync(page, "enrol-authenticator-1280");
        var enrolled = Totp.StepOf(DateTimeOffset.UtcNow);
        await page.GetByLabel("验证码").FillAsync(Totp.Code(key, enrolled));
        await page.GetByRole(AriaRole.Button, new() { Name = "完成绑定" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/Account/RecoveryCodes"));
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await portal.ScreenshotAsync(page, "recovery-codes-1280");
        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存，继续" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待办事项" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login"));
        await SignInWithPasswordAsync(page);
        await page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa"));
        await portal.ScreenshotAsync(page, "sign-in-code-1280");
        // The enrolment's code is spent; the next step's is one the portal accepts now and has not seen.
        await page.GetByLabel("动态验证码").FillAsync(Totp.Code(key, Math.Max(Totp.StepOf(DateTimeOffset.UtcNow), enrolled + 1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待办事项" })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Security");
        await Expect(page.GetByTestId("two-factor-status")).ToContainTextAsync("已绑定身份验证器");
        await portal.ScreenshotAsync(page, "account-security-1280");

        // The audit holds the enrolment and both sign-ins, newest first.
        await page.GotoAsync("/Admin/Audit?account=admin");
        await Expect(page.Locator("tbody tr[data-action=SignIn]").First).ToContainTextAsync("密码＋动态验证码");
        await Expect(page.Locator("tbody tr[data-action=TwoFactorEnrolled]")).ToHaveCountAsync(1);
        await portal.ScreenshotAsync(page, "security-audit-1280");
    }

    [Fact]
    public async Task The_enrolment_page_reads_on_a_phone()
    {
        var page = await portal.NewPageAsync(390, 844);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("Bz2025demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/EnrollAuthenticator") || url.Contains("/Account/LoginWith2fa"));
        await portal.ScreenshotAsync(page, "second-factor-390");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "scrolls sideways at 390 px");
    }

    private static async Task SignInWithPasswordAsync(IPage page)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("Bz2025demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
