namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// The security headers every response carries, in Development as in Production: a Content-Security-Policy
/// that allows only this site's own script and style files (nothing inline, so an injected script or style
/// attribute does nothing), no framing, no MIME sniffing, no referrer beyond the origin and no powerful browser features.
/// </summary>
public static class SecurityHeaders
{
    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services)
    {
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy => policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddCrossOriginResourcePolicy(corp => corp.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                // Bootstrap draws its icons (close button, select arrow, menu toggler) as data: SVG in its CSS.
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddPermissionsPolicyWithDefaultSecureDirectives());
        return services;
    }

    /// <summary>
    /// First in the pipeline, so error pages, redirects, static files and 429s get the headers too.
    /// HSTS is left to <c>UseHsts</c> in Production only, so a developer's browser never pins localhost to HTTPS.
    /// </summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) => app.UseSecurityHeaders();

    /// <summary>
    /// Every answer that is not a static file is personal (names, phone numbers, reports, PDFs, exports):
    /// no browser or proxy cache may keep it. Placed after the static files, which stay cacheable.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForDynamicResponses(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
