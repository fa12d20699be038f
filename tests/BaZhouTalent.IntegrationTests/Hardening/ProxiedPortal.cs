using System.Net;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// The portal behind a reverse proxy at <see cref="Proxy"/>: the test server has no network, so each request
/// arrives from the proxy's address unless it names another peer in <see cref="PeerHeader"/> (a client that
/// reaches the portal directly). Clients behind the proxy are told apart by X-Forwarded-For, as in production.
/// </summary>
public class ProxiedPortal : PortalFactory
{
    public const string Proxy = "10.0.0.5";
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ReverseProxy:KnownProxies:0", Proxy);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    /// <summary>A browser (its own cookie jar) whose requests come from <paramref name="client"/> through the proxy, over <paramref name="scheme"/>.</summary>
    public (Browser Browser, CookieContainer Cookies) NewBrowser(string client = "203.0.113.10", string scheme = "http", CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var http = CreateDefaultClient(new ForwardingHandler(client, scheme), new CookieContainerHandler(cookies));
        return (new Browser(http), cookies);
    }

    /// <summary>Adds the headers the proxy would; the peer header marks a request that bypasses the proxy.</summary>
    public sealed class ForwardingHandler(string client, string scheme, string? peer = null) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.Add("X-Forwarded-For", client);
            request.Headers.Add("X-Forwarded-Proto", scheme);
            if (peer is not null)
                request.Headers.Add(PeerHeader, peer);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var peer = context.Request.Headers[PeerHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.Length > 0 ? peer : Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
