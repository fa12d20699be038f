using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// The check every signed-in request passes, in one place: the account's security stamp, and the session rules.
/// <list type="bullet">
/// <item>Made cheap: one query reads the account's stamp and everything the cookie carries about it (roles, unit,
/// region, name, the password flags, the session), and the data-change stamp the request's kept figures are read at.
/// When all of it still matches, the request goes on as it came; when anything differs, Identity's own check runs: a
/// rotated stamp ends the session, while a changed unit, region or role refreshes the cookie at once, so the
/// authorization handler and the lists (which read the database) never disagree.</item>
/// <item>Sessions: a session older than <c>Security:Sessions:AbsoluteHours</c> ends; with <c>Security:SingleSession</c>
/// a session that is not the account's latest ends (the account signed in elsewhere); a session of a role that
/// requires a second factor without having passed one ends. A request renews the cookie (at most once a minute), so it
/// expires after <c>IdleTimeoutMinutes</c> without a request (the idle timeout) — except the page's own probe of the time left.</item>
/// <item>When the database does not answer, the request goes on as it came, and fails where it touches the data — the
/// page with the Chinese error page, /healthz with 503 — instead of in sign-in handling, where even the error page
/// would fail. Nothing is given away: without the database no page can read or write anything.</item>
/// </list>
/// </summary>
public sealed class AppSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger,
    AppDbContext db, IOptions<IdentityOptions> identityOptions, IOptions<SecurityOptions> security, TimeProvider clock)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    /// <summary>Where the reason a session ended is left for the redirect to the sign-in page.</summary>
    public const string EndReasonKey = "BaZhouTalent.SessionEnded";

    /// <summary>How stale the cookie's idle clock may be before a request restarts it.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);

    /// <summary>The page's probe of the time left (it must not count as activity).</summary>
    public const string ProbePath = "/Account/Session";

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            var account = context.Principal is { } principal ? await AccountAsync(principal, context.HttpContext.RequestAborted) : null;
            if (account is not null)
                context.HttpContext.RequestServices.GetRequiredService<DatabaseDataVersion>().Observed(account.Row.DataVersion);
            if (account is null || !StillCurrent(context.Principal!, account))
                await base.ValidateAsync(context);
            if (context.Principal is null)
            {
                End(context, SessionEnd.Revoked);
                return;
            }
            if (EndOf(context.Principal, context.Properties, account) is { } reason)
            {
                if (reason == SessionEnd.Replaced)
                    await context.HttpContext.RequestServices.GetRequiredService<SecurityAudit>().RecordAsync(
                        SecurityEventKind.SignOut, SecurityOutcome.Success, context.Principal.Identity?.Name ?? "",
                        "该账户已在其他地方登录，本会话结束（单一会话）", account: context.Principal.Identity?.Name,
                        accountName: context.Principal.FindFirstValue(AppClaims.DisplayName));
                context.RejectPrincipal();
                await context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
                End(context, reason);
                return;
            }
            var request = context.HttpContext.Request;
            var probe = request.Path.Equals(ProbePath, StringComparison.OrdinalIgnoreCase) && !request.Query.ContainsKey("handler");
            // Re-issued at most once a minute (and whenever the check above rebuilt it): the idle clock restarts with the
            // request, and a burst of requests keeps its cookie.
            context.ShouldRenew |= !probe && (context.Properties.IssuedUtc is not { } issued || clock.GetUtcNow() - issued >= RenewAfter);
        }
        catch (Exception e) when (e is DbException or DatabaseFileException)
        {
            Logger.LogWarning("Security stamp not checked: the database did not answer ({Error})", e.GetType().Name);
        }
    }

    private static void End(CookieValidatePrincipalContext context, string reason) => context.HttpContext.Items[EndReasonKey] = reason;

    /// <summary>Why this session must end now, or null.</summary>
    private string? EndOf(ClaimsPrincipal principal, Microsoft.AspNetCore.Authentication.AuthenticationProperties properties, Account? account)
    {
        var rules = security.Value;
        if (AppSignInManager.SignedInAt(properties) is { } start && clock.GetUtcNow() - start >= TimeSpan.FromHours(rules.Sessions.AbsoluteHours))
            return SessionEnd.Lifetime;
        if (rules.SingleSession && account is not null && AppSignInManager.SessionOf(properties) != account.SessionId)
            return SessionEnd.Replaced;
        var roles = principal.FindAll(identityOptions.Value.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        if (rules.TwoFactor.IsRequiredFor(roles) && !principal.HasClaim(AppSignInManager.MethodsClaim, AppSignInManager.MultiFactor))
            return SessionEnd.SecondFactor;
        return null;
    }

    /// <summary>An account's row, with the data-change stamp of the same moment (<see cref="DatabaseDataVersion.Observed"/>).</summary>
    private sealed record AccountRow(string? SecurityStamp, string? UserName, string DisplayName, int? UnitId, int? RegionId,
        bool MustChangePassword, DateTimeOffset? PasswordChangedAt, string? SessionId, string? Role, long DataVersion);

    private sealed record Account(AccountRow Row, IReadOnlyList<string> Roles)
    {
        public string? SessionId => Row.SessionId;
    }

    /// <summary>
    /// The account and its roles, one row per role (one row without a role for an account without any). Compiled once:
    /// it runs on every signed-in request, where translating the query each time cost more than running it. A compiled
    /// query belongs to one model, so it is compiled once per provider's context (tests host several in one process).
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<AppDbContext, string, IAsyncEnumerable<AccountRow>>> AccountRowsByContext = new();

    private static IAsyncEnumerable<AccountRow> AccountRows(AppDbContext db, string userId) =>
        AccountRowsByContext.GetOrAdd(db.GetType(), _ => CompileAccountRows())(db, userId);

    private static Func<AppDbContext, string, IAsyncEnumerable<AccountRow>> CompileAccountRows() => EF.CompileAsyncQuery(
        (AppDbContext db, string userId) =>
            from u in db.Users.AsNoTracking()
            where u.Id == userId
            join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roleNames
            from r in roleNames.DefaultIfEmpty()
            select new AccountRow(u.SecurityStamp, u.UserName, u.DisplayName, u.UnitId, u.RegionId, u.MustChangePassword,
                u.PasswordChangedAt, u.SessionId, r.Name,
                db.DataStamps.Where(d => d.Id == DataStamp.RowId).Select(d => d.Version).FirstOrDefault()));

    private async Task<Account?> AccountAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null) return null;
        var rows = new List<AccountRow>();
        await foreach (var row in AccountRows(db, userId).WithCancellation(cancellationToken))
            rows.Add(row);
        return rows.Count == 0 ? null : new Account(rows[0], rows.Where(r => r.Role is not null).Select(r => r.Role!).ToList());
    }

    /// <summary>True when the account behind <paramref name="principal"/> still has its stamp and the claims the cookie carries.</summary>
    private bool StillCurrent(ClaimsPrincipal principal, Account account)
    {
        var types = identityOptions.Value.ClaimsIdentity;
        var row = account.Row;
        if (principal.FindFirstValue(types.SecurityStampClaimType) is not { } stamp || row.SecurityStamp != stamp) return false;
        var roles = principal.FindAll(types.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        var passwordExpired = PasswordAge.Expired(row.PasswordChangedAt, account.Roles, security.Value, clock);
        return principal.FindFirstValue(types.UserNameClaimType) == row.UserName
            && principal.FindFirstValue(AppClaims.DisplayName) == row.DisplayName
            && principal.FindFirstValue(AppClaimTypes.UnitId) == row.UnitId?.ToString(CultureInfo.InvariantCulture)
            && principal.FindFirstValue(AppClaimTypes.RegionId) == row.RegionId?.ToString(CultureInfo.InvariantCulture)
            && principal.HasClaim(c => c.Type == AppClaims.MustChangePassword) == row.MustChangePassword
            && principal.HasClaim(c => c.Type == AppClaims.PasswordExpired) == passwordExpired
            && roles.SequenceEqual(account.Roles.Order(StringComparer.Ordinal));
    }
}

/// <summary>Staff passwords age (<c>Security:Passwords</c>): one rule, read by the sign-in cookie and the check above.</summary>
public static class PasswordAge
{
    /// <summary>True when an expiring role's password is older than the maximum age (or its age is unknown).</summary>
    public static bool Expired(DateTimeOffset? changedAt, IEnumerable<string> roles, SecurityOptions security, TimeProvider clock) =>
        security.Passwords.Expires(roles)
        && (changedAt is not { } at || clock.GetUtcNow() - at >= TimeSpan.FromDays(security.Passwords.MaxAgeDays));

    /// <summary>Days left before the password must be changed, or null when it does not age.</summary>
    public static int? DaysLeft(DateTimeOffset? changedAt, IEnumerable<string> roles, SecurityOptions security, TimeProvider clock) =>
        !security.Passwords.Expires(roles) ? null
        : changedAt is not { } at ? 0
        : Math.Max(0, (int)Math.Ceiling((at.AddDays(security.Passwords.MaxAgeDays) - clock.GetUtcNow()).TotalDays));
}
