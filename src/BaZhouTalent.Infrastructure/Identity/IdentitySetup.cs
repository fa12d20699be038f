using Microsoft.Extensions.Configuration;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Infrastructure.Identity;

public static class IdentitySetup
{
    public const string LoginPath = "/Account/Login";
    public const string LogoutPath = "/Account/Logout";
    public const string ChangePasswordPath = "/Account/ChangePassword";
    public const string AccessDeniedPath = "/Error/403";

    /// <summary>
    /// Identity with the federation's rules: 8+ characters with letters and digits; 5 failed sign-ins lock
    /// the account for 15 minutes. Data-protection keys live in the database so several web instances
    /// accept each other's sign-in cookies. Sessions end with the security stamp (see below).
    /// </summary>
    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
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
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "BaZhouTalent.Auth";
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        // Every request checks the cookie's security stamp against the account: a password change, an
        // administrator's reset or a sign-out (each rotates the stamp) ends every other session at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, AppSecurityStampValidator>();

        services.AddDataProtection()
            .SetApplicationName("BaZhouTalent")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration);
        return services;
    }
}
