using BaZhouTalent.Infrastructure.Identity;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// An account created by staff, or a staff account whose password has aged past <c>Security:Passwords:MaxAgeDays</c>,
/// may do nothing but change its password (or sign out) until it has.
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    private static readonly string[] AllowedPaths =
        [IdentitySetup.ChangePasswordPath, IdentitySetup.LogoutPath, AppSecurityStampValidator.ProbePath, "/Error", "/healthz", "/lib", "/css", "/js"];

    public Task InvokeAsync(HttpContext context)
    {
        var mustChange = context.User.Identity?.IsAuthenticated == true
            && (context.User.HasClaim(AppClaims.MustChangePassword, "true") || context.User.HasClaim(AppClaims.PasswordExpired, "true"));
        if (mustChange && !AllowedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(IdentitySetup.ChangePasswordPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
