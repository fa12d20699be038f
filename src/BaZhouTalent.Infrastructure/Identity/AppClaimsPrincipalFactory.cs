using System.Globalization;
using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>Puts the display name and the forced-password-change flags into the cookie, so no page needs a query for them.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.UnitId is { } unitId)
            identity.AddClaim(new Claim(AppClaimTypes.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
        if (user.RegionId is { } regionId)
            identity.AddClaim(new Claim(AppClaimTypes.RegionId, regionId.ToString(CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        var roles = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        if (PasswordAge.Expired(user.PasswordChangedAt, roles, security.Value, clock))
            identity.AddClaim(new Claim(AppClaims.PasswordExpired, "true"));
        return identity;
    }
}
