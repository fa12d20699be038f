using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string DemoPassword = "Bz2025demo";

    private Browser NewBrowser() => new(portal.CreateBrowser());

    [Fact]
    public async Task Anonymous_request_is_redirected_to_sign_in()
    {
        var page = await NewBrowser().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=%2F", page.RedirectTarget);
    }

    [Fact]
    public async Task Sign_in_page_is_our_own_Chinese_page()
    {
        var page = await NewBrowser().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("登录", page.Text);
        Assert.Contains("密码", page.Text);
    }

    [Fact]
    public async Task Demo_researcher_signs_in_and_sees_name_and_role()
    {
        var home = await NewBrowser().SignInAsync("yangzhuo", DemoPassword);

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("杨卓", home.Text);
        Assert.Contains("项目负责人", home.Text);
        Assert.Contains("待办事项", home.Text);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Chinese_message()
    {
        var page = await NewBrowser().SignInAsync("yangzhuo", "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("用户名或密码错误", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await NewBrowser().GetAsync("/")).Status);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        await CreateUserAsync("lockout.test", "Lockout2025", mustChangePassword: false);
        var browser = NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
            await browser.SignInAsync("lockout.test", "not-the-password-9");

        var page = await browser.SignInAsync("lockout.test", "Lockout2025");

        Assert.Contains("锁定", page.Text);
        Assert.Contains("15 分钟", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
        var lockoutEnd = await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetLockoutEndDateAsync((await users.FindByNameAsync("lockout.test"))!);
        });
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task Account_created_by_staff_must_change_its_password_first()
    {
        await CreateUserAsync("new.staff", "Initial2025", mustChangePassword: true);
        var browser = NewBrowser();

        var first = await browser.SignInAsync("new.staff", "Initial2025");
        Assert.EndsWith("/Account/ChangePassword", first.Url);
        var elsewhere = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.Status);
        Assert.EndsWith("/Account/ChangePassword", elsewhere.RedirectTarget);

        var form = await browser.GetAsync("/Account/ChangePassword");
        var passwords = form.Document.QuerySelectorAll("input[type=password]").Select(i => i.GetAttribute("name")!).ToList();
        Assert.Equal(3, passwords.Count);
        var tooWeak = await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            [passwords[0]] = "Initial2025", [passwords[1]] = "12345678", [passwords[2]] = "12345678",
        });
        Assert.Contains("字母", tooWeak.Text);

        var changed = await browser.SubmitAsync(await browser.GetAsync("/Account/ChangePassword"), new Dictionary<string, string>
        {
            [passwords[0]] = "Initial2025", [passwords[1]] = "Changed2026", [passwords[2]] = "Changed2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var home = await browser.NavigateAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("待办事项", home.Text);

        var again = await NewBrowser().SignInAsync("new.staff", "Changed2026");
        Assert.Contains("待办事项", again.Text);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var browser = NewBrowser();
        var home = await browser.SignInAsync("admin", DemoPassword);

        var signedOut = await browser.SubmitAsync(home, new Dictionary<string, string>(), "form[action$='/Account/Logout']");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).Status);
    }

    private Task CreateUserAsync(string userName, string password, bool mustChangePassword) =>
        portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = userName, MustChangePassword = mustChangePassword };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, Roles.Researcher);
        });
}
