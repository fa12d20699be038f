using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scrutor;

namespace BaZhouTalent.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use-case handlers and validators of the application layer, its options and shared services.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        // Handlers are plain classes injected into page models (no mediator), registered by convention: every use
        // case's nested Handler, and a nested Validator FluentValidation did not register above (one that is not an
        // AbstractValidator, such as SubmitApplication's). A new use case needs no line here.
        services.Scan(scan => scan.FromAssemblyOf<ApplicationAuthorizationHandler>()
            .AddClasses(classes => classes.Where(IsUseCasePart), publicOnly: true)
            .UsingRegistrationStrategy(RegistrationStrategy.Skip)
            .AsSelf()
            .WithScopedLifetime());
        services.AddSingleton<IAuthorizationHandler, ApplicationAuthorizationHandler>();
        services.AddApplicationOptions();
        services.AddSharedServices();
        services.AddReuse();
        return services;
    }

    /// <summary>自建库查重: the queue written with each submission, the worker's checks, the archive sweep.</summary>
    private static IServiceCollection AddReuse(this IServiceCollection services)
    {
        services.AddValidatedOptions<Reuse.ReuseOptions>(Reuse.ReuseOptions.Section);
        services.AddSingleton<Reuse.ReuseSignal>();
        services.AddScoped<Reuse.ReuseQueue>();
        services.AddScoped<Reuse.RunReuseChecks>();
        services.AddScoped<Reuse.ReuseArchive>();
        return services;
    }

    /// <summary>The convention: a use case is a static class (one file) whose nested <c>Handler</c> does the work and
    /// whose nested <c>Validator</c> checks the command.</summary>
    private static bool IsUseCasePart(Type type) => type.IsNested && type.Name is "Handler" or "Validator";

    /// <summary>What the handlers share: the one commit path of the workflow, the notices written with each step, the
    /// audits, the list caches.</summary>
    private static IServiceCollection AddSharedServices(this IServiceCollection services)
    {
        services.AddScoped<Review.ReviewActions>();
        services.AddScoped<Applications.AttachmentFreezer>();
        services.AddScoped<Audit.SecurityAudit>();
        services.AddScoped<Audit.StaffAudit>();
        services.AddMemoryCache();
        services.AddScoped<Common.VersionedCache>();
        services.AddScoped<Common.ListCounts>();
        services.AddSingleton<Notices.StageDeadlines>();
        services.AddSingleton<Notices.WorkerIdentity>();
        services.AddScoped<Notices.NoticeWriter>();
        services.AddScoped<Notices.NoticeRecipients>();
        services.AddScoped<Projects.ProjectNotices>();
        services.AddScoped<Notices.HandOverNotices>();
        services.AddScoped<Notices.JobLeases>();
        services.AddScoped<Notices.SendReminders>();
        return services;
    }

    /// <summary>The application's options, each bound to its section and validated on start.</summary>
    private static IServiceCollection AddApplicationOptions(this IServiceCollection services)
    {
        services.AddOptions<Notices.NoticeOptions>()
            .BindConfiguration(Notices.NoticeOptions.Section)
            .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((options, configuration) =>
                options.PortalBaseUrl ??= configuration["Portal:PublicBaseUrl"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddValidatedOptions<Notices.DeadlineOptions>(Notices.DeadlineOptions.Section);
        services.AddValidatedOptions<Applications.ReportUploadOptions>(Applications.ReportUploadOptions.Section);
        services.AddValidatedOptions<Applications.ClosureOptions>(Applications.ClosureOptions.Section);
        services.AddValidatedOptions<Announcements.AnnouncementOptions>(Announcements.AnnouncementOptions.Section);
        services.AddValidatedOptions<Review.BatchAssignmentOptions>(Review.BatchAssignmentOptions.Section);
        services.AddValidatedOptions<Applications.AttachmentOptions>(Applications.AttachmentOptions.Section);
        services.AddValidatedOptions<Projects.ClosureLifecycleOptions>(Projects.ClosureLifecycleOptions.Section)
            .Validate(o => o.Termination.Grounds.Length > 0 && o.Extensions.MaxCount >= 0 && o.Extensions.MaxTotalMonths > 0,
                "Closure:Termination:Grounds needs at least one ground; extension limits must be positive.");
        return services;
    }

    private static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
