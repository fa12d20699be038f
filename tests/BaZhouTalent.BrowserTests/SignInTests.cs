using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BaZhouTalent.BrowserTests;

public class SignInTests(LivePortal portal) : IClassFixture<LivePortal>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Researcher_signs_in_through_the_real_form_and_sees_the_reference_project(int width)
    {
        var page = await portal.NewPageAsync(width);
        try
        {
            await page.GotoAsync("/");
            Assert.Contains("/Account/Login", page.Url);

            await page.GetByLabel("用户名").FillAsync("yangzhuo");
            await page.GetByLabel("密码").FillAsync("Bz2025demo");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

            Assert.Equal("巴中市哲学社会科学规划项目结项管理系统", (await page.TitleAsync()).Split(" - ").Last().Trim());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "待办事项" })).ToBeVisibleAsync();
            await Expect(page.GetByText("BZ25YB027").First).ToBeVisibleAsync();
            // Nothing may need the internet: every stylesheet and script comes from this server.
            var external = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('link[href],script[src]')].map(e => e.href || e.src).filter(u => !u.startsWith(location.origin))");
            Assert.Empty(external);
        }
        finally
        {
            await portal.ScreenshotAsync(page, $"researcher-home-{width}");
        }
    }

    [Fact]
    public async Task Wrong_password_keeps_the_user_name_and_says_why_in_Chinese()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("unit.bzdx");
        await page.GetByLabel("密码").FillAsync("not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(page.GetByText("用户名或密码错误")).ToBeVisibleAsync();
        Assert.Equal("unit.bzdx", await page.GetByLabel("用户名").InputValueAsync());
        await portal.ScreenshotAsync(page, "login-wrong-password");
    }
}
