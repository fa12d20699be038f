using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Security;

/// <summary>What the account-security tests share: fresh accounts, the audit read back, codes that are surely wrong.</summary>
internal static class SecurityKit
{
    public const string Password = SecondFactor.DemoPassword;

    /// <summary>A 市社科联 account of its own (the demo admin is shared by the class's other tests).</summary>
    public static async Task<string> FederationAccountAsync(PortalFactory portal, string userName)
    {
        await Review.ReviewKit.CreateUserAsync(portal, userName, $"市社科联{userName}", Roles.MunicipalFederation);
        return userName;
    }

    /// <summary>The last sequence written so far: records after it are the ones a step wrote.</summary>
    public static Task<long> LastSequenceAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.SecurityEvents.MaxAsync(e => (long?)e.Sequence)).ContinueWith(t => t.Result ?? 0);

    public static Task<List<SecurityEvent>> RecordsAfterAsync(PortalFactory portal, long sequence) =>
        portal.WithDbAsync(db => db.SecurityEvents.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<AppUser> AccountAsync(PortalFactory portal, string userName) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    /// <summary>Six digits that are not the code of any step the portal would accept now.</summary>
    public static string WrongCode(string key)
    {
        var now = Totp.StepOf(DateTimeOffset.UtcNow);
        var valid = Enumerable.Range(-2, 5).Select(i => Totp.Code(key, now + i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>Signs in with the password only: the page the portal leaves the browser at.</summary>
    public static async Task<(Browser Browser, Browser.Page Page)> PasswordOnlyAsync(PortalFactory portal, string userName, string password = Password)
    {
        var browser = new Browser(portal.CreateBrowser());
        return (browser, await browser.SignInAsync(userName, password));
    }

    public static async Task<Browser.Page> SignOutAsync(Browser browser)
    {
        var home = await browser.GetAsync("/Account/Logout");
        return await browser.SubmitAsync(home, new Dictionary<string, string>(), "form[method=post]");
    }
}
