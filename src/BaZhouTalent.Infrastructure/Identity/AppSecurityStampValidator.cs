using System.Data.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// Identity's security-stamp check (on every request, see <see cref="IdentitySetup"/>), except when the database
/// does not answer: then the request goes on as it came, and fails where it touches the data — the page with
/// the Chinese error page, /healthz with 503 — instead of in sign-in handling, where even the error page would
/// fail. Nothing is given away: without the database no page can read or write anything.
/// </summary>
public sealed class AppSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await base.ValidateAsync(context);
        }
        catch (Exception e) when (e is DbException or DatabaseFileException)
        {
            Logger.LogWarning("Security stamp not checked: the database did not answer ({Error})", e.GetType().Name);
        }
    }
}
