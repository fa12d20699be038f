using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use-case handlers and validators of the application layer.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        // Handlers are plain classes injected into page models (no mediator); register each here.
        services.AddQueueHandlers();
        services.AddSingleton<IAuthorizationHandler, ApplicationAuthorizationHandler>();
        return services;
    }

    // The shell's read-only lists: the home page queue, each role's list page, and the registers.
    private static IServiceCollection AddQueueHandlers(this IServiceCollection services)
    {
        services.AddScoped<Queue.GetWorkQueue.Handler>();
        services.AddScoped<Queue.ListMyProjects.Handler>();
        services.AddScoped<Queue.ListReviewQueue.Handler>();
        services.AddScoped<Queue.ListProjects.Handler>();
        services.AddScoped<Queue.ListUnits.Handler>();
        services.AddScoped<Queue.ListUsers.Handler>();
        return services;
    }
}
