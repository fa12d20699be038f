using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// Identity's security-stamp check, on every request (see <see cref="IdentitySetup"/>), made cheap: one query reads the
/// account's stamp and everything the cookie carries about it (roles, unit, region, name, the forced-password flag).
/// When all of it still matches the cookie, the request goes on as it came — no principal rebuilt, no cookie re-issued.
/// When anything differs, Identity's own check runs: a rotated stamp ends the session, while a changed unit, region or
/// role refreshes the cookie at once, so the authorization handler and the lists (which read the database) never disagree.
/// When the database does not answer, the request goes on as it came, and fails where it touches the data — the page
/// with the Chinese error page, /healthz with 503 — instead of in sign-in handling, where even the error page would
/// fail. Nothing is given away: without the database no page can read or write anything.
/// </summary>
public sealed class AppSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger,
    AppDbContext db, IOptions<IdentityOptions> identityOptions)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            if (context.Principal is { } principal && await StillCurrentAsync(principal, context.HttpContext.RequestAborted))
                return;
            await base.ValidateAsync(context);
        }
        catch (Exception e) when (e is DbException or DatabaseFileException)
        {
            Logger.LogWarning("Security stamp not checked: the database did not answer ({Error})", e.GetType().Name);
        }
    }

    private sealed record AccountRow(string? SecurityStamp, string? UserName, string DisplayName, int? UnitId, int? RegionId,
        bool MustChangePassword, string? Role);

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
            select new AccountRow(u.SecurityStamp, u.UserName, u.DisplayName, u.UnitId, u.RegionId, u.MustChangePassword, r.Name));

    /// <summary>True when the account behind <paramref name="principal"/> still has its stamp and the claims the cookie carries.</summary>
    private async Task<bool> StillCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var types = identityOptions.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(types.UserIdClaimType);
        var stamp = principal.FindFirstValue(types.SecurityStampClaimType);
        if (userId is null || stamp is null) return false;

        var rows = new List<AccountRow>();
        await foreach (var row in AccountRows(db, userId).WithCancellation(cancellationToken))
            rows.Add(row);
        if (rows.Count == 0 || rows[0].SecurityStamp != stamp) return false;
        var account = rows[0];
        var accountRoles = rows.Where(row => row.Role is not null).Select(row => row.Role!).ToList();

        var roles = principal.FindAll(types.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        return principal.FindFirstValue(types.UserNameClaimType) == account.UserName
            && principal.FindFirstValue(AppClaims.DisplayName) == account.DisplayName
            && principal.FindFirstValue(AppClaimTypes.UnitId) == account.UnitId?.ToString(CultureInfo.InvariantCulture)
            && principal.FindFirstValue(AppClaimTypes.RegionId) == account.RegionId?.ToString(CultureInfo.InvariantCulture)
            && principal.HasClaim(c => c.Type == AppClaims.MustChangePassword) == account.MustChangePassword
            && roles.SequenceEqual(accountRoles.Order(StringComparer.Ordinal));
    }
}
