using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Admin;

/// <summary>用户管理: the city federation creates accounts, resets passwords and lifts lockouts through the pages.</summary>
public class UsersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string DemoPassword = "Bz2025demo";
    private const string PartySchool = "中共巴中市巴州区委党校";

    private Browser NewBrowser() => new(portal.CreateBrowser());

    private async Task<Browser> AdminAsync()
    {
        var browser = NewBrowser();
        await browser.SignInAsync("admin", DemoPassword);
        return browser;
    }

    private static string UnitOption(Browser.Page page, string unitName) =>
        page.Document.QuerySelectorAll<IHtmlOptionElement>("select[name='Input.UnitId'] option")
            .Single(o => o.Text.Trim() == unitName).Value;

    private static Dictionary<string, string> Form(string userName, string displayName, string role, string unitId, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = displayName,
        ["Input.RealName"] = displayName,
        ["Input.Post"] = "",
        ["Input.Role"] = role,
        ["Input.UnitId"] = unitId,
        ["Input.RegionId"] = "",
        ["Input.InitialPassword"] = password,
    };

    private static string Value(Browser.Page page, string name) =>
        page.Document.QuerySelector<IHtmlInputElement>($"input[name='{name}']")!.Value;

    private static string Selected(Browser.Page page, string name) =>
        page.Document.QuerySelectorAll<IHtmlOptionElement>($"select[name='{name}'] option").SingleOrDefault(o => o.HasAttribute("selected"))?.Value ?? "";

    private static string ErrorFor(Browser.Page page, string name) =>
        page.Document.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task Admin_creates_a_unit_reviewer_who_must_change_the_password_and_then_reviews_for_the_unit()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("新建账户", form.Text);
        var unitId = UnitOption(form, PartySchool);

        var created = await admin.SubmitAsync(form, Form("dx.reviewer2", "王审核", Roles.UnitReviewer, unitId, "Start2026a"));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/Admin/Users", created.RedirectTarget);
        var list = await admin.GetAsync("/Admin/Users");
        Assert.Contains("账户“dx.reviewer2”已创建", list.Text);
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("dx.reviewer2"));
        Assert.Contains("王审核", row.TextContent);
        Assert.Contains("单位审核人", row.TextContent);
        Assert.Contains(PartySchool, row.TextContent);
        Assert.Contains("待首次修改密码", row.TextContent);

        var reviewer = NewBrowser();
        var first = await reviewer.SignInAsync("dx.reviewer2", "Start2026a");
        Assert.EndsWith("/Account/ChangePassword", first.Url);
        Assert.Contains("首次登录须先修改密码", first.Text);
        var changed = await reviewer.SubmitAsync(first, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Start2026a", ["Input.NewPassword"] = "Mine2026b", ["Input.ConfirmPassword"] = "Mine2026b",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var home = await reviewer.NavigateAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("待办事项", home.Text);
        Assert.Contains("单位审核", home.Text);
        Assert.Contains("/Review/Unit", home.Links);

        var stored = await portal.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.UserName == "dx.reviewer2");
            return await Task.FromResult((user.UnitId, user.RegionId, user.MustChangePassword, user.DisplayName));
        });
        Assert.Equal((int.Parse(unitId), (int?)null, false, "王审核"), (stored.UnitId!.Value, stored.RegionId, stored.MustChangePassword, stored.DisplayName));
    }

    [Fact]
    public async Task Duplicate_user_name_is_refused_in_Chinese_and_keeps_what_was_typed()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        var unitId = UnitOption(form, PartySchool);

        var page = await admin.SubmitAsync(form, Form("unit.bzdx", "重名测试", Roles.Expert, unitId, "Dup2026abc"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("已被使用", ErrorFor(page, "Input.UserName"));
        Assert.Equal("unit.bzdx", Value(page, "Input.UserName"));
        Assert.Equal("重名测试", Value(page, "Input.DisplayName"));
        Assert.Equal("Dup2026abc", Value(page, "Input.InitialPassword"));
        Assert.Equal(Roles.Expert, Selected(page, "Input.Role"));
        Assert.Equal(unitId, Selected(page, "Input.UnitId"));
        Assert.Equal(1, await portal.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.UserName == "unit.bzdx"))));
    }

    [Fact]
    public async Task Missing_unit_is_refused_in_Chinese_and_keeps_what_was_typed()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");

        var page = await admin.SubmitAsync(form, Form("no.unit", "缺单位", Roles.Researcher, "", "NoUnit2026"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("项目负责人须选择所在单位", ErrorFor(page, "Input.UnitId"));
        Assert.Equal("", ErrorFor(page, "Input.UserName"));
        Assert.Equal("no.unit", Value(page, "Input.UserName"));
        Assert.Equal("缺单位", Value(page, "Input.DisplayName"));
        Assert.Equal("NoUnit2026", Value(page, "Input.InitialPassword"));
        Assert.Equal(Roles.Researcher, Selected(page, "Input.Role"));
        Assert.False(await portal.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.UserName == "no.unit"))));
    }

    [Fact]
    public async Task County_federation_needs_a_county_and_weak_passwords_are_refused()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/Users/Create");
        var counties = form.Document.QuerySelectorAll<IHtmlOptionElement>("select[name='Input.RegionId'] option")
            .Where(o => o.Value != "").ToList();
        Assert.DoesNotContain(counties, o => o.Text.Contains("市本级"));

        var page = await admin.SubmitAsync(form, new Dictionary<string, string>(Form("county.x", "县区", Roles.CountyFederation, "", "12345678")));
        Assert.Equal("县区社科联须选择县（区）", ErrorFor(page, "Input.RegionId"));
        Assert.Equal("密码须同时包含字母和数字", ErrorFor(page, "Input.InitialPassword"));

        var fields = Form("county.en", "恩阳区社科联", Roles.CountyFederation, "", "County2026");
        fields["Input.RegionId"] = counties.Single(o => o.Text == "恩阳区").Value;
        var created = await admin.SubmitAsync(await admin.GetAsync("/Admin/Users/Create"), fields);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var region = await portal.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.UserName == "county.en").Select(u => u.Region!.Name).Single()));
        Assert.Equal("恩阳区", region);
    }

    [Fact]
    public async Task Non_admin_cannot_open_the_create_page_nor_reset_a_password()
    {
        var researcher = NewBrowser();
        var home = await researcher.SignInAsync("yangzhuo", DemoPassword);

        var create = await researcher.NavigateAsync("/Admin/Users/Create");
        Assert.Contains(create.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        var token = home.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var response = await researcher.Client.PostAsync("/Admin/Users/ResetPassword/unit.bzdx", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.NewPassword"] = "Hijack2026",
        }));
        var refused = await Browser.Page.ReadAsync(response, "/Admin/Users/ResetPassword/unit.bzdx");
        if (refused.RedirectTarget is { } next) refused = await researcher.NavigateAsync(next);
        Assert.Contains(refused.Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        // A locked account stays locked when a non-admin posts its unlock: the refusal is seen in its effect.
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("unit.bzdx"))!, DateTimeOffset.UtcNow.AddHours(1));
        });
        var unlockResponse = await researcher.Client.PostAsync("/Admin/Users?handler=Unlock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "unit.bzdx",
        }));
        var unlock = await Browser.Page.ReadAsync(unlockResponse, "/Admin/Users?handler=Unlock");
        if (unlock.RedirectTarget is { } deniedAt) unlock = await researcher.NavigateAsync(deniedAt);
        Assert.Equal(HttpStatusCode.Forbidden, unlock.Status);
        var stillLocked = await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("unit.bzdx"))!;
            var locked = await users.IsLockedOutAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            return locked;
        });
        Assert.True(stillLocked, "a non-admin's unlock post unlocked the account");

        var (stillDemo, mustChange) = await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("unit.bzdx"))!;
            return (await users.CheckPasswordAsync(user, DemoPassword), user.MustChangePassword);
        });
        Assert.True(stillDemo);
        Assert.False(mustChange);
    }

    [Fact]
    public async Task Reset_password_forces_a_change_again_and_the_old_password_stops_working()
    {
        await CreateUserAsync("reset.me", "Before2025");
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Users");
        Assert.Contains("/Admin/Users/ResetPassword/reset.me", list.Links);

        var form = await admin.GetAsync("/Admin/Users/ResetPassword/reset.me");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("确定重置账户“reset.me”的密码吗", form.Document.QuerySelector("form[data-confirm]")!.GetAttribute("data-confirm"));
        var weak = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.NewPassword"] = "abcdefgh" });
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.Equal("密码须同时包含字母和数字", ErrorFor(weak, "Input.NewPassword"));
        Assert.Equal("abcdefgh", Value(weak, "Input.NewPassword"));

        var reset = await admin.SubmitAsync(weak, new Dictionary<string, string> { ["Input.NewPassword"] = "After2026x" });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Contains("账户“reset.me”的密码已重置", (await admin.GetAsync("/Admin/Users")).Text);

        Assert.Contains("用户名或密码错误", (await NewBrowser().SignInAsync("reset.me", "Before2025")).Text);
        var user = NewBrowser();
        var first = await user.SignInAsync("reset.me", "After2026x");
        Assert.EndsWith("/Account/ChangePassword", first.Url);
        Assert.EndsWith("/Account/ChangePassword", (await user.GetAsync("/")).RedirectTarget);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.NavigateAsync("/Admin/Users/ResetPassword/nobody.here")).Status);
    }

    [Fact]
    public async Task Unlock_clears_a_lockout()
    {
        await CreateUserAsync("locked.out", "Locked2025");
        var attacker = NewBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
            await attacker.SignInAsync("locked.out", "wrong-password-1");
        Assert.Contains("锁定", (await NewBrowser().SignInAsync("locked.out", "Locked2025")).Text);

        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Users");
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("locked.out"));
        Assert.Contains("已锁定", row.TextContent);
        var unlockForm = row.QuerySelector("form[data-testid=unlock]")!;
        Assert.Contains("确定解除账户“locked.out”的锁定吗", unlockForm.GetAttribute("data-confirm"));

        var unlocked = await admin.SubmitAsync(list, new Dictionary<string, string> { ["userName"] = "locked.out" }, "form[data-testid=unlock]");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.Status);
        var after = await admin.GetAsync("/Admin/Users");
        Assert.Contains("账户“locked.out”已解除锁定", after.Text);
        Assert.DoesNotContain("已锁定", after.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("locked.out")).TextContent);
        var home = await NewBrowser().SignInAsync("locked.out", "Locked2025");
        Assert.Contains("待办事项", home.Text);
    }

    private Task CreateUserAsync(string userName, string password) =>
        portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = userName, MustChangePassword = false };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
            await users.AddToRoleAsync(user, Roles.Researcher);
        });
}
