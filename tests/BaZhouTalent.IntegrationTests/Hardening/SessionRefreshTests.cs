using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The per-request account check is cheap when nothing changed (the cookie is left as it is) and still exact when
/// something did: a role granted by an administrator counts at the very next request, without signing in again.
/// </summary>
public class SessionRefreshTests(ProxiedPortal portal) : IClassFixture<ProxiedPortal>
{
    private const string AuthCookie = "BaZhouTalent.Auth";

    [Fact]
    public async Task An_unchanged_account_keeps_its_cookie_and_a_granted_role_counts_at_the_next_request()
    {
        await CreateResearcherAsync("session.refresh");
        var (browser, cookies) = portal.NewBrowser();
        await browser.SignInAsync("session.refresh", "Before2025");
        var signedIn = AuthValue(cookies);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Projects")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
        Assert.Equal(signedIn, AuthValue(cookies));
        Assert.True((await browser.GetAsync("/Review/Expert")).IsRefused);

        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var granted = await users.AddToRoleAsync((await users.FindByNameAsync("session.refresh"))!, Roles.Expert);
            Assert.True(granted.Succeeded);
        });

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Review/Expert")).Status);
        Assert.NotEqual(signedIn, AuthValue(cookies));
    }

    private static string AuthValue(CookieContainer cookies) =>
        string.Join(";", cookies.GetAllCookies().Where(c => c.Name.StartsWith(AuthCookie, StringComparison.Ordinal))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Value));

    private Task CreateResearcherAsync(string userName) => portal.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName };
        Assert.True((await users.CreateAsync(user, "Before2025")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Researcher);
    });
}
