using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>
/// The services of one step of the demo programme: the application layer's handlers and the services they are made of are
/// built afresh around the step's clock, so what they write carries the programme's date; everything else (the database
/// context and its open transaction, Identity, authorization, options, the signed-in user) is the start-up scope's own.
/// </summary>
internal sealed class DemoStepServices(IServiceProvider scope, TimeProvider clock) : IServiceProvider
{
    private static readonly System.Reflection.Assembly ApplicationLayer = typeof(Application.DependencyInjection).Assembly;

    private readonly Dictionary<Type, object> built = [];

    public object? GetService(Type type)
    {
        if (type == typeof(TimeProvider)) return clock;
        if (type.Assembly != ApplicationLayer || !type.IsClass || type.IsAbstract) return scope.GetService(type);
        if (!built.TryGetValue(type, out var service))
            built[type] = service = ActivatorUtilities.CreateInstance(this, type);
        return service;
    }

    public T Get<T>() where T : notnull => (T)GetService(typeof(T))!;
}

/// <summary>The programme's clock: set to each step's moment before the step runs.</summary>
internal sealed class DemoClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
