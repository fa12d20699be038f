using System.Net;
using AngleSharp.Html.Parser;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Hardening;

/// <summary>
/// Every route of the portal's route table (read from its endpoint data source, so a new page cannot escape),
/// anonymous and signed in, answers with the security headers; the CSP allows nothing inline, and no page
/// carries inline script, style or event handlers that the CSP would block.
/// </summary>
public class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // A value for each route parameter that reaches a real record where one exists.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["projectCode"] = "BZ25YB027",
        ["code"] = "404",
        ["document"] = "a4",
        ["userName"] = "yangzhuo",
    };

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_route_answers_with_the_security_headers_for_anonymous_and_signed_in_users()
    {
        using var anonymous = portal.CreateBrowser();
        var admin = new Browser(portal.CreateBrowser());
        await admin.SignInAsync("admin", "Bz2025demo");
        var researcher = new Browser(portal.CreateBrowser());
        await researcher.SignInAsync("yangzhuo", "Bz2025demo");

        var urls = RouteTable();
        Assert.Contains("/Account/Login", urls);
        Assert.Contains("/applications/BZ25YB027/print/a4.pdf", urls);
        Assert.Contains("/verify/404", urls);
        var failures = new List<string>();
        foreach (var url in urls)
        {
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("admin", admin.Client), ("yangzhuo", researcher.Client) })
            {
                using var response = await client.GetAsync(url);
                failures.AddRange(Problems(response, dynamic: true).Select(p => $"{who} GET {url} ({(int)response.StatusCode}): {p}"));
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                    failures.AddRange(InlineCode(await response.Content.ReadAsStringAsync()).Select(p => $"{who} GET {url}: {p}"));
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Errors_refusals_and_static_files_carry_the_headers_too()
    {
        using var client = portal.CreateBrowser();
        var admin = new Browser(portal.CreateBrowser());
        await admin.SignInAsync("admin", "Bz2025demo");
        using var missing = await admin.Client.GetAsync("/no/such/page");
        using var forged = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "admin" }));
        using var stylesheet = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(Problems(missing, dynamic: true));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(Problems(forged, dynamic: true));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Empty(Problems(stylesheet, dynamic: false));
        // Static files stay cacheable (they are versioned by asp-append-version); only personal answers are no-store.
        Assert.False(stylesheet.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task Personal_PDFs_and_exports_are_never_stored_by_a_cache()
    {
        var researcher = new Browser(portal.CreateBrowser());
        await researcher.SignInAsync("yangzhuo", "Bz2025demo");
        var admin = new Browser(portal.CreateBrowser());
        await admin.SignInAsync("admin", "Bz2025demo");

        using var pdf = await researcher.Client.GetAsync("/applications/BZ25YB027/print/report.pdf");
        using var template = await admin.Client.GetAsync("/Admin/Projects/Import?handler=Template");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.True(pdf.Headers.CacheControl?.NoStore, pdf.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.True(template.Headers.CacheControl?.NoStore, template.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_content_security_policy_allows_only_the_sites_own_files()
    {
        using var client = portal.CreateBrowser();
        using var response = await client.GetAsync("/Account/Login");
        var csp = Directives(response);

        Assert.DoesNotContain("'unsafe-inline'", string.Join(";", csp.Values));
        Assert.DoesNotContain("'unsafe-eval'", string.Join(";", csp.Values));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
    }

    /// <summary>GET-able URLs of every route endpoint, parameters filled from <see cref="Samples"/>.</summary>
    private List<string> RouteTable()
    {
        using (portal.CreateClient()) { } // the host starts and maps its endpoints
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Count == 0 || methods.HttpMethods.Contains("GET"))
            .Select(e => Url(e.RoutePattern))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Samples.GetValueOrDefault(parameter.Name, "x"),
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static IEnumerable<string> Problems(HttpResponseMessage response, bool dynamic)
    {
        var csp = Directives(response);
        if (csp.Count == 0) yield return "no Content-Security-Policy";
        if (csp.Values.Any(v => v.Contains("'unsafe-inline'", StringComparison.Ordinal))) yield return "CSP allows 'unsafe-inline'";
        if (csp.GetValueOrDefault("frame-ancestors") != "'none'") yield return "CSP lacks frame-ancestors 'none'";
        if (Header(response, "X-Content-Type-Options") != "nosniff") yield return "no X-Content-Type-Options: nosniff";
        if (string.IsNullOrEmpty(Header(response, "Referrer-Policy"))) yield return "no Referrer-Policy";
        if (string.IsNullOrEmpty(Header(response, "Permissions-Policy"))) yield return "no Permissions-Policy";
        if (dynamic && response.Headers.CacheControl is not { NoStore: true }) yield return "no Cache-Control: no-store";
    }

    /// <summary>What the CSP would block: inline scripts, style elements and attributes, event-handler attributes.</summary>
    private static IEnumerable<string> InlineCode(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script:not([src])"))
            yield return $"inline <script>: {Shorten(script.OuterHtml)}";
        foreach (var style in document.QuerySelectorAll("style"))
            yield return $"inline <style>: {Shorten(style.OuterHtml)}";
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name == "style" || attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    yield return $"inline {attribute.Name}= on <{element.LocalName}>";
                if (attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    yield return $"javascript: URL on <{element.LocalName}>";
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        (Header(response, "Content-Security-Policy") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
