using System.Net;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// The portal as installed: two-factor sign-in required for 市社科联 (Security:TwoFactor:RequiredRoles as shipped). The
/// test server has no network; each request arrives from <see cref="ClientAddress"/>, as a browser's would from its
/// address, so the security audit has one to record.
/// </summary>
public class SecurePortalFactory : PortalFactory
{
    public const string ClientAddress = "198.51.100.7";

    protected override bool RequireTwoFactor => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The installed portal on a clock the test moves (sessions, password age, audit retention).</summary>
public class ClockedSecurePortal : SecurePortalFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
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
        // The phone and the portal share the time: the portal's own clock (a test's fake one, where it has one).
        var clock = portal.Services.GetRequiredService<TimeProvider>();
        // Bounded only so a fault fails the test instead of hanging it: a new step comes every 30 seconds.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var now = Totp.StepOf(clock.GetUtcNow());
            // The portal accepts the step before and after its own; the current and the next stay valid if its clock moves on.
            foreach (var step in new[] { now, now + 1 })
                if (last is null || step > last)
                    return Totp.Code(key, step);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"No unused authenticator step for {userName} (last used {last}).");
    }
}
