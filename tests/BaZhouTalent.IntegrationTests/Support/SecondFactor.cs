using System.Net;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>The portal as installed: two-factor sign-in required for 市社科联 (Security:TwoFactor:RequiredRoles as shipped).</summary>
public class SecurePortalFactory : PortalFactory
{
    protected override bool RequireTwoFactor => true;
}

/// <summary>
/// Signing in with the second factor as a person with an authenticator app does: the password, then either the
/// enrolment page (the test's authenticator reads the key the page shows) or the code page (the account's key is the one
/// its phone holds — read from the database here). A code is good once, so each sign-in uses a time step the account
/// has not used; when both steps the portal accepts now are spent, it waits for the clock to reach the next one.
/// </summary>
public static class SecondFactor
{
    public const string DemoPassword = "Bz2025demo";

    public static async Task<Browser> SignInAsync(PortalFactory portal, string userName, string password = DemoPassword)
    {
        var browser = new Browser(portal.CreateBrowser());
        var page = await CompleteAsync(portal, browser, await browser.SignInAsync(userName, password), userName);
        Assert.True(page.Status == HttpStatusCode.OK, $"{userName} did not get in: {page.Url} {page.Status}\n{page.Text}");
        return browser;
    }

    /// <summary>Finishes a sign-in left at the enrolment or code page; any other page is returned as it is.</summary>
    public static async Task<Browser.Page> CompleteAsync(PortalFactory portal, Browser browser, Browser.Page page, string userName)
    {
        if (page.Url.StartsWith("/Account/EnrollAuthenticator", StringComparison.OrdinalIgnoreCase))
        {
            var key = page.Document.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
            page = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = await UnusedCodeAsync(portal, userName, key) });
        }
        else if (page.Url.StartsWith("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            page = await browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = await UnusedCodeAsync(portal, userName, await KeyAsync(portal, userName)) });
        }
        else
        {
            return page;
        }
        for (var hops = 0; page.RedirectTarget is { } next && hops < 10; hops++)
            page = await browser.GetAsync(next);
        return page;
    }

    /// <summary>The authenticator key the account's phone holds.</summary>
    public static Task<string> KeyAsync(PortalFactory portal, string userName) => portal.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!))!;
    });

    /// <summary>A code of the current or the next time step that the account has not used yet.</summary>
    public static async Task<string> UnusedCodeAsync(PortalFactory portal, string userName, string key)
    {
        var last = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.AuthenticatorLastTimeStep).SingleAsync());
        // Bounded only so a fault fails the test instead of hanging it: a new step comes every 30 seconds.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var now = Totp.StepOf(DateTimeOffset.UtcNow);
            // The portal accepts the step before and after its own; the current and the next stay valid if its clock moves on.
            foreach (var step in new[] { now, now + 1 })
                if (last is null || step > last)
                    return Totp.Code(key, step);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"No unused authenticator step for {userName} (last used {last}).");
    }
}
