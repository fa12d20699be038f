using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Identity;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// 越权访问: every request a signed-in user is refused — answered 403 by a page, or sent to the access-denied page by
/// the authorization policy — is one record of the security audit with the address asked for. Placed outside the
/// status-code pages, so it sees the answer as it leaves (the Chinese 403 page re-executed inside counts once).
/// </summary>
public static class AccessDeniedAudit
{
    public static IApplicationBuilder UseAccessDeniedAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var refused = context.Response.StatusCode == StatusCodes.Status403Forbidden
            || (context.Response.StatusCode == StatusCodes.Status302Found && IsAccessDeniedPage(context.Response.Headers.Location.ToString()));
        if (!refused || context.User.Identity?.IsAuthenticated != true) return;
        var target = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        await context.RequestServices.GetRequiredService<SecurityAudit>().RecordAsync(
            SecurityEventKind.AccessDenied, SecurityOutcome.Refused, target, "无权访问", cancellationToken: CancellationToken.None);
    });

    // The authorization handler's redirect is an absolute address; a page's own redirect may be a path.
    private static bool IsAccessDeniedPage(string location) =>
        (location.StartsWith('/') ? location : Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "")
        .StartsWith(IdentitySetup.AccessDeniedPath, StringComparison.OrdinalIgnoreCase);
}
