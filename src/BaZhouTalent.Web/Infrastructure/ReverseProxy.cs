using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// The reverse proxy (nginx, a load balancer) that terminates TLS in front of the portal. Its
/// X-Forwarded-For/-Proto headers are believed only from the addresses listed here; from anyone else they
/// are ignored, so a client cannot claim another address (and escape throttling) or pretend to be on HTTPS.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>. Loopback is always trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>172.16.0.0/12</c> for a Docker network.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may add themselves to X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool IsValid() =>
        ForwardLimit >= 1
        && KnownProxies.All(p => IPAddress.TryParse(p, out _))
        && KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}

public static class ReverseProxy
{
    /// <summary>
    /// Forwarded headers from the configured proxies; cookies Secure outside Development (the proxy speaks
    /// HTTPS to browsers even where it speaks HTTP to the portal).
    /// </summary>
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ReverseProxyOptions>()
            .Bind(configuration.GetSection(ReverseProxyOptions.Section))
            .Validate(o => o.IsValid(), "ReverseProxy: KnownProxies must be IP addresses, KnownNetworks CIDR networks (10.0.0.0/8), ForwardLimit at least 1.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ReverseProxyOptions>>((options, proxy) =>
        {
            var settings = proxy.Value;
            // Host is not taken from the proxy: the portal builds no absolute links from it, and a forged Host is a classic poisoning vector.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.ForwardLimit;
            foreach (var address in settings.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in settings.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        return services;
    }

    /// <summary>First of all, so every later step (HSTS, cookies, throttling by client, logging) sees the real scheme and client.</summary>
    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app) =>
        app.UseForwardedHeaders().UseCookiePolicy();
}
