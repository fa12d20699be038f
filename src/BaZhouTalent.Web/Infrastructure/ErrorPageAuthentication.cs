using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// The error page shown for a failed request is that same request run again: its cookie was already checked
/// against the database (the security stamp, on every request). Checking again would only fail again when
/// the database is what failed, and the Chinese error page would give way to a raw exception.
/// </summary>
public static class ErrorPageAuthentication
{
    public static IServiceCollection AddErrorPagesWithoutDatabase(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = context =>
                context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
                || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
                    ? Task.CompletedTask
                    : validate(context);
        });
}
