using BaZhouTalent.IntegrationTests.Support;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class LoggingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Requests_are_logged_without_passwords_phone_numbers_or_report_text()
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync("yangzhuo", "Bz2025demo");
        await new Browser(portal.CreateBrowser()).SignInAsync("yangzhuo", "Wrong2025pass");
        // People type their mobile number as their user name; the refused sign-in's log line carries what was typed.
        await new Browser(portal.CreateBrowser()).SignInAsync("15282706916", "Wrong2025pass");
        await browser.GetAsync("/?phone=19983661986");

        var logs = portal.ReadLogs();

        Assert.Contains("HTTP GET /Account/Login responded 200", logs);
        // The line is there, with the number masked: the masker ran on it.
        Assert.Contains("Sign-in refused for 152****6916", logs);
        Assert.DoesNotContain("Bz2025demo", logs);
        Assert.DoesNotContain("Wrong2025pass", logs);
        Assert.DoesNotContain("15282706916", logs);
        Assert.DoesNotContain("19983661986", logs);
        Assert.DoesNotContain("人才作为知识、技术与创新的载体", logs);
    }
}
