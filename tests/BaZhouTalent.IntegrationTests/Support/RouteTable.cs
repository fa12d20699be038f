using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// The running portal's route table: “METHOD /route[?handler=Name]” for every page handler and every other endpoint,
/// read from EndpointDataSource and the compiled pages, so a new page is in every test generated from it.
/// </summary>
public static class RouteTable
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // Index pages answer at their folder too; the folder's address is the one people use.
                if (pattern != "/Index" && (pattern.EndsWith("/Index", StringComparison.Ordinal) || pattern.Contains("/Index/", StringComparison.Ordinal))) continue;
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    routes.Add($"{method} {pattern}{(handler.Name is { } name ? "?handler=" + name : "")}");
                }
                // A page without handler methods (the error page) is still a page to GET.
                if (compiled.HandlerMethods.Count == 0) routes.Add($"GET {pattern}");
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
                foreach (var method in methods) routes.Add($"{method} {pattern}");
            }
        }
        return routes.ToList();
    }

    public static string MethodOf(string route) => route[..route.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The address of <paramref name="route"/> with its parameters filled from <paramref name="values"/> (“{code}” → …).</summary>
    public static string UrlOf(string route, IReadOnlyDictionary<string, string> values)
    {
        var url = route[(MethodOf(route).Length + 1)..];
        foreach (var (name, value) in values)
            url = url.Replace(name, value, StringComparison.Ordinal);
        url = url.Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');
        return url.Length == 0 ? "/" : url;
    }

    /// <summary>Answers <paramref name="route"/> as <paramref name="browser"/>'s user: a GET, or a post of their own antiforgery token and nothing else.</summary>
    public static async Task<HttpResponseMessage> RequestAsync(Browser browser, string route, IReadOnlyDictionary<string, string> values)
    {
        var url = UrlOf(route, values);
        if (MethodOf(route) == "GET")
            return await browser.Client.GetAsync(url);
        var token = (await browser.GetAsync("/Account/ChangePassword")).Document
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return await browser.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}
