using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

public static class IdentitySetup
{
    public const string LoginPath = "/Account/Login";
    public const string LogoutPath = "/Account/Logout";
    public const string ChangePasswordPath = "/Account/ChangePassword";
    public const string SecondFactorPath = "/Account/LoginWith2fa";
    public const string RecoveryCodePath = "/Account/LoginWithRecoveryCode";
    public const string EnrolPath = "/Account/EnrollAuthenticator";
    public const string AccessDeniedPath = "/Error/403";

    /// <summary>The query key the sign-in page reads to say why a session ended.</summary>
    public const string EndedKey = "ended";

    /// <summary>
    /// Identity with the federation's rules: 8+ characters with letters and digits, none of the latest
    /// <c>Security:Passwords:HistoryCount</c> again; 5 failed sign-ins (passwords or codes) lock the account for 15
    /// minutes; an authenticator second factor whose codes are good once. Data-protection keys live in the database so
    /// several web instances accept each other's sign-in cookies. Sessions: see <see cref="AppSecurityStampValidator"/>.
    /// </summary>
    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidation>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider (same name): codes are checked with a replay guard.
            .AddTokenProvider<AuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        services.AddScoped<SecondFactorVerdict>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) =>
            {
                cookie.Cookie.Name = "BaZhouTalent.Auth";
                cookie.LoginPath = LoginPath;
                cookie.LogoutPath = LogoutPath;
                cookie.AccessDeniedPath = AccessDeniedPath;
                // The idle timeout: every request (bar the session probe) renews the cookie, see AppSecurityStampValidator.
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.Sessions.IdleTimeoutMinutes);
                cookie.SlidingExpiration = false;
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.Redirect(WithEndReason(context.HttpContext, context.RedirectUri));
                    return Task.CompletedTask;
                };
            });
        // Time to install an authenticator app between the password and the first code.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "BaZhouTalent.TwoFactor";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(10);
        });

        // Every request checks the cookie's security stamp against the account: a password change, an
        // administrator's reset or a sign-out (each rotates the stamp) ends every other session at once.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            // A cookie rebuilt after the account changed (a new unit, a new role) keeps how its owner signed in.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identities.FirstOrDefault() is { } identity && context.CurrentPrincipal is { } current)
                    foreach (var claim in current.FindAll(AppSignInManager.MethodsClaim).Concat(current.FindAll(ClaimTypes.AuthenticationMethod)))
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                return Task.CompletedTask;
            };
        });
        services.AddScoped<ISecurityStampValidator, AppSecurityStampValidator>();

        services.AddDataProtection()
            .SetApplicationName("BaZhouTalent")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration);
        return services;
    }

    /// <summary>
    /// The sign-in page is told why a session ended: the reason the validator left, or — a sign-in cookie came with the
    /// request but did not authenticate, which is what an idle timeout looks like — that it timed out.
    /// </summary>
    private static string WithEndReason(HttpContext context, string redirectUri)
    {
        var reason = context.Items[AppSecurityStampValidator.EndReasonKey] as string
            ?? (context.Request.Cookies.ContainsKey("BaZhouTalent.Auth") ? SessionEnd.Idle : null);
        return reason is null ? redirectUri : QueryHelpers.AddQueryString(redirectUri, EndedKey, reason);
    }

    private sealed class SecurityOptionsValidation : IValidateOptions<SecurityOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecurityOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <summary>Why a session ended, as the sign-in page's <c>ended</c> parameter names it.</summary>
public static class SessionEnd
{
    /// <summary>No request for the idle timeout.</summary>
    public const string Idle = "idle";
    /// <summary>Signed in for longer than the absolute lifetime.</summary>
    public const string Lifetime = "lifetime";
    /// <summary>Single-session mode: the account signed in elsewhere.</summary>
    public const string Replaced = "replaced";
    /// <summary>The account's role now requires a second factor this session did not pass.</summary>
    public const string SecondFactor = "mfa";
    /// <summary>The password was changed or reset, the account signed out elsewhere, or it was disabled.</summary>
    public const string Revoked = "revoked";
}
