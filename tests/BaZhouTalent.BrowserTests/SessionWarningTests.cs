using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests;

/// <summary>The shortest idle timeout the settings allow (2 minutes, warning in the last one), so the page's warning comes soon.</summary>
public sealed class ShortSessionPortal : LivePortal
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Sessions:IdleTimeoutMinutes", "2");
        builder.UseSetting("Security:Sessions:WarningMinutes", "1");
    }
}

/// <summary>
/// 会话超时提示 (issue 21): before an idle session ends the page shows the time left, counting down, and 继续使用
/// keeps the session. The server's clock is real here, so the test waits for the warning to appear (about a minute).
/// </summary>
public class SessionWarningTests(ShortSessionPortal portal) : IClassFixture<ShortSessionPortal>
{
    [Fact]
    public async Task The_page_counts_down_before_the_idle_timeout_and_continuing_keeps_the_session()
    {
        var page = await portal.NewPageAsync(390, 844);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("yangzhuo");
        await page.GetByLabel("密码").FillAsync("Bz2025demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        var warning = page.Locator("#session-timeout");
        await Expect(warning).ToBeHiddenAsync();
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(warning).ToContainTextAsync("后自动退出登录");
        var first = await warning.Locator("[data-session-left]").InnerTextAsync();
        await Expect(warning.Locator("[data-session-left]")).Not.ToHaveTextAsync(first);
        await portal.ScreenshotAsync(page, "session-warning-390");

        await warning.GetByRole(AriaRole.Button, new() { Name = "继续使用" }).ClickAsync();
        await Expect(warning).ToBeHiddenAsync();
        await page.ReloadAsync();
        Assert.DoesNotContain("/Account/Login", page.Url);
    }
}
