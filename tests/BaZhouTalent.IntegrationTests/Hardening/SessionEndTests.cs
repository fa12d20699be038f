using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Identity;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// A session ends when it should: a copy of the sign-in cookie (another computer, a stolen copy) is refused at
/// the very next request after an administrator's reset, the owner's password change, or signing out.
/// </summary>
public class SessionEndTests(ProxiedPortal portal) : IClassFixture<ProxiedPortal>
{
    private const string AuthCookie = "BaZhouTalent.Auth";

    [Fact]
    public async Task Old_cookie_is_refused_right_after_an_administrators_reset()
    {
        await CreateUserAsync("session.reset", "Before2025");
        var copy = await SignedInCopyAsync("session.reset", "Before2025");
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(copy));

        var (admin, _) = portal.NewBrowser();
        await admin.SignInAsync("admin", "Bz2025demo");
        var form = await admin.GetAsync("/Admin/Users/ResetPassword/session.reset");
        Assert.Contains("该账户已登录的会话将被注销", form.Text);
        var reset = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.NewPassword"] = "After2026x" });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Contains("其已登录的会话均已退出", (await admin.NavigateAsync(reset.RedirectTarget!)).Text);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(copy));
    }

    [Fact]
    public async Task Own_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        await CreateUserAsync("session.change", "Before2025");
        var otherComputer = await SignedInCopyAsync("session.change", "Before2025");
        var (browser, _) = portal.NewBrowser();
        await browser.SignInAsync("session.change", "Before2025");

        var form = await browser.GetAsync(IdentitySetup.ChangePasswordPath);
        Assert.Contains("其他设备或浏览器上的登录将立即退出", form.Text);
        var changed = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Before2025", ["Input.NewPassword"] = "Changed2026", ["Input.ConfirmPassword"] = "Changed2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(otherComputer));
        var home = await browser.NavigateAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("其他设备或浏览器上的登录已全部退出", home.Text);
    }

    [Fact]
    public async Task Copied_cookie_is_refused_after_sign_out()
    {
        await CreateUserAsync("session.out", "Before2025");
        var (browser, cookies) = portal.NewBrowser();
        var home = await browser.SignInAsync("session.out", "Before2025");
        var copy = Copy(cookies);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(copy));

        var signedOut = await browser.SubmitAsync(home, new Dictionary<string, string>(), "form[action$='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(copy));
    }

    /// <summary>Signs in in one browser and returns a copy of its cookies, as someone else would hold them.</summary>
    private async Task<CookieContainer> SignedInCopyAsync(string userName, string password)
    {
        var (browser, cookies) = portal.NewBrowser();
        Assert.Contains("待办事项", (await browser.SignInAsync(userName, password)).Text);
        return Copy(cookies);
    }

    private static CookieContainer Copy(CookieContainer cookies)
    {
        var all = cookies.GetAllCookies();
        Assert.Contains(all, c => c.Name.StartsWith(AuthCookie, StringComparison.Ordinal));
        var copy = new CookieContainer();
        foreach (Cookie cookie in all)
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return copy;
    }

    /// <summary>The home page with these cookies: 200 while the session lives, a redirect to sign-in once it has ended.</summary>
    private async Task<HttpStatusCode> StatusWithAsync(CookieContainer cookies)
    {
        // A fresh copy each time, so the re-issued cookie of one request never refreshes the next.
        var (browser, _) = portal.NewBrowser(cookies: Copy(cookies));
        var page = await browser.GetAsync("/");
        if (page.Status == HttpStatusCode.Redirect)
            Assert.Contains(IdentitySetup.LoginPath, page.RedirectTarget);
        return page.Status;
    }

    private Task CreateUserAsync(string userName, string password) => portal.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(user, Roles.Researcher);
    });
}
