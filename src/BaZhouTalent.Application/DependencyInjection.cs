using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use-case handlers and validators of the application layer.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        // Handlers are plain classes injected into page models (no mediator); register each here.
        return services;
    }
}
