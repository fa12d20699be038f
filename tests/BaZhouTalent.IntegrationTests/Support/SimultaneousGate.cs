using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// Makes requests truly simultaneous: each request carrying <see cref="Header"/> (a group name) waits at the start
/// of its page handler, after the whole pipeline before it (antiforgery, binding), until every request of its group
/// has arrived; then all go on together, into the use case's race window at once.
/// </summary>
public sealed class SimultaneousGate : IAsyncPageFilter
{
    public const string Header = "X-Test-Simultaneous";

    private readonly ConcurrentDictionary<string, Group> groups = new();

    /// <summary>Registers the gate as a page filter of the portal under test.</summary>
    public static void AddTo(IWebHostBuilder builder, SimultaneousGate gate) =>
        builder.ConfigureTestServices(services => services.Configure<MvcOptions>(o => o.Filters.Add(gate)));

    /// <summary>Opens a group: the gate lets its requests go once <paramref name="size"/> of them are waiting.</summary>
    public void Expect(string group, int size) => groups[group] = new Group(size);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Request.Headers[Header].ToString() is { Length: > 0 } name && groups.TryGetValue(name, out var group))
        {
            if (Interlocked.Increment(ref group.Arrived) == group.Size)
                group.AllArrived.TrySetResult();
            await group.AllArrived.Task.WaitAsync(TimeSpan.FromMinutes(2)); // a guard against hanging, not a timing assertion
        }
        await next();
    }

    private sealed class Group(int size)
    {
        public readonly int Size = size;
        public int Arrived;
        public readonly TaskCompletionSource AllArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
