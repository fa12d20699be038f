using System.Net;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>
/// 口令 (issue 21): staff passwords age (180 days), after which nothing but changing it is possible; a new password
/// repeats none of the latest five; the change page says both rules.
/// </summary>
public class PasswordPolicyTests(ClockedSecurePortal portal) : IClassFixture<ClockedSecurePortal>
{
    [Fact]
    public async Task An_expired_staff_password_must_be_changed()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await SecondFactor.SignInAsync(portal, "unit.bzdx")).GetAsync("/Review/Unit")).Status);
        portal.Clock.Advance(TimeSpan.FromDays(181));

        var reviewer = new Browser(portal.CreateBrowser());
        var landed = await reviewer.SignInAsync("unit.bzdx", SecondFactor.DemoPassword);
        Assert.Equal("/Account/ChangePassword", landed.Url);
        Assert.Contains("超过 180 天", landed.Document.QuerySelector("[data-testid=password-expired]")!.TextContent);
        Assert.Contains("每 180 天更换一次密码", landed.Text);
        Assert.Equal("/Account/ChangePassword", (await reviewer.GetAsync("/Review/Unit")).RedirectTarget);

        var changed = await reviewer.SubmitAsync(landed, Passwords(SecondFactor.DemoPassword, "Fresh2026a"));
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/Review/Unit")).Status);

        // A researcher's password does not age.
        var researcher = new Browser(portal.CreateBrowser());
        Assert.Equal("/", (await researcher.SignInAsync("yangzhuo", SecondFactor.DemoPassword)).Url);
    }

    [Fact]
    public async Task A_password_among_the_latest_five_is_refused()
    {
        await Researchers.CreateOtherResearcherAsync(portal, "reuser");
        var browser = await Researchers.SignInAsync(portal, "reuser", Researchers.OtherPassword);
        var current = Researchers.OtherPassword;
        foreach (var next in new[] { "Pass2026a", "Pass2026b", "Pass2026c", "Pass2026d" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(browser, current, next)).Status);
            current = next;
        }

        foreach (var recent in new[] { Researchers.OtherPassword, "Pass2026b" })
        {
            var refused = await ChangeAsync(browser, current, recent);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("新密码不能与最近 5 次使用过的密码相同", refused.Document.QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent);
        }
        Assert.Contains("不能与最近 5 次使用过的密码相同", (await browser.GetAsync("/Account/ChangePassword")).Text);

        // One more change and the oldest falls out of the five.
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(browser, current, "Pass2026e")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(browser, "Pass2026e", Researchers.OtherPassword)).Status);

        // An administrator's reset keeps the rule too.
        var admin = await SecondFactor.SignInAsync(portal, "admin");
        var reset = await admin.GetAsync("/Admin/Users/ResetPassword/reuser");
        var refusedReset = await admin.SubmitAsync(reset, new Dictionary<string, string> { ["Input.NewPassword"] = "Pass2026e" });
        Assert.Equal(HttpStatusCode.OK, refusedReset.Status);
        Assert.Contains("新密码不能与最近 5 次使用过的密码相同", refusedReset.Text);
    }

    private static async Task<Browser.Page> ChangeAsync(Browser browser, string current, string next) =>
        await browser.SubmitAsync(await browser.GetAsync("/Account/ChangePassword"), Passwords(current, next));

    private static Dictionary<string, string> Passwords(string current, string next) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
    };
}
