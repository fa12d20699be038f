using BaZhouTalent.Application.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Foundation;

/// <summary>
/// The handlers are registered by convention (Scrutor, <c>AddApplication</c>); these tests find every use case's
/// Handler and Validator and every page model by reflection of their own and build each from the portal's real
/// container, so a handler the convention misses, or a service it needs that nobody registered, fails here rather
/// than on a user's first request.
/// </summary>
public class ContainerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Type[] UseCaseParts = typeof(ReviewActions).Assembly.GetTypes()
        .Where(t => t.IsNestedPublic && t.IsClass && !t.IsAbstract && t.Name is "Handler" or "Validator")
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_handler_and_validator_resolves_from_the_real_container()
    {
        // 69 handlers when the convention came in; fewer means the search above lost its way.
        Assert.True(UseCaseParts.Count(t => t.Name == "Handler") >= 69, $"only {UseCaseParts.Length} handlers and validators found");
        using var scope = portal.Services.CreateScope();

        var failures = UseCaseParts.Select(type => (type, error: ErrorResolving(scope.ServiceProvider, type)))
            .Where(r => r.error is not null)
            .Select(r => $"{r.type.FullName}: {r.error}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_page_model_can_be_built_from_the_real_container()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.True(pages.Count > 50, $"only {pages.Count} page models found");
        using var scope = portal.Services.CreateScope();

        var failures = new List<string>();
        foreach (var page in pages)
        {
            try { ActivatorUtilities.CreateInstance(scope.ServiceProvider, page); }
            catch (InvalidOperationException e) { failures.Add($"{page.FullName}: {e.Message}"); }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? ErrorResolving(IServiceProvider services, Type type)
    {
        try
        {
            return services.GetService(type) is null ? "not registered" : null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
