using System.Net;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// Behind the TLS-terminating proxy the portal sees plain HTTP from the proxy; X-Forwarded-Proto from the
/// configured proxy makes cookies Secure and redirects HTTPS, while the same header from anyone else is ignored.
/// </summary>
public class ReverseProxyTests(ProxiedPortal portal) : IClassFixture<ProxiedPortal>
{
    [Fact]
    public async Task Forwarded_https_from_the_configured_proxy_gives_secure_cookies_and_https_redirects()
    {
        using var client = portal.CreateDefaultClient(new ProxiedPortal.ForwardingHandler("203.0.113.20", "https"));

        using var login = await client.GetAsync("/Account/Login");
        using var home = await client.GetAsync("/");

        var cookies = SetCookies(login);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("https", home.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task Forwarded_https_from_an_unknown_address_is_ignored()
    {
        using var client = portal.CreateDefaultClient(new ProxiedPortal.ForwardingHandler("203.0.113.20", "https", peer: "198.51.100.7"));

        using var login = await client.GetAsync("/Account/Login");
        using var home = await client.GetAsync("/");

        var cookies = SetCookies(login);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("http", home.Headers.Location?.Scheme);
    }

    internal static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
}

/// <summary>In Production cookies are Secure even on the proxy's plain-HTTP leg, and HTTPS answers carry HSTS.</summary>
public class ProductionProxyTests(ProductionProxyTests.ProductionPortal portal) : IClassFixture<ProductionProxyTests.ProductionPortal>
{
    public sealed class ProductionPortal : ProxiedPortal
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:PublicBaseUrl", "https://skl.bazhong.example.cn");
            // What production asks for: a first start said explicitly, and a certificate for the sign-in keys.
            builder.UseSetting("Database:FirstTimeSetup", "true");
            builder.UseSetting("DataProtection:CertificatePath", TestCertificates.DataProtectionPfx(Folder));
            builder.UseSetting("DataProtection:CertificatePassword", TestCertificates.Password);
        }
    }

    [Fact]
    public async Task Cookies_are_secure_outside_development_whatever_the_scheme()
    {
        using var client = portal.CreateDefaultClient(new ProxiedPortal.ForwardingHandler("203.0.113.30", "http"));

        using var login = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = ReverseProxyTests.SetCookies(login);
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Https_through_the_proxy_gets_strict_transport_security()
    {
        using var client = portal.CreateDefaultClient(new ProxiedPortal.ForwardingHandler("203.0.113.30", "https"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "skl.bazhong.example.cn"; // HSTS is never sent to localhost

        using var login = await client.SendAsync(request);

        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=", string.Join(",", login.Headers.GetValues("Strict-Transport-Security")));
    }
}
