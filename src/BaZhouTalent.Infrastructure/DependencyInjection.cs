using BaZhouTalent.Infrastructure.Archive;
using BaZhouTalent.Infrastructure.Backups;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Files;
using BaZhouTalent.Infrastructure.Identity;
using BaZhouTalent.Infrastructure.Notices;
using BaZhouTalent.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BaZhouTalent.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddAppDatabase(configuration, contentRoot);
        services.AddFileStore(configuration, contentRoot);
        services.AddAppIdentity(configuration);
        services.AddOptions<SeedingOptions>().Bind(configuration.GetSection(SeedingOptions.Section))
            .Validate<IHostEnvironment>((o, environment) => !o.DemoProgramme || (o.DemoData && environment.IsDevelopment()),
                "Seeding:DemoProgramme is for Development only and needs Seeding:DemoData (its reference project and reviewers).")
            .ValidateOnStart();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<SecurityAuditArchive>();
        services.AddNoticeDelivery();
        services.AddScoped<Application.Reuse.IReuseStore, Reuse.ReuseStore>();
        services.AddHostedService<Reuse.ReuseWorker>();
        services.AddBackups(configuration);
        services.AddYearArchives(configuration, contentRoot);
        // A probe is one statement on a pooled connection. EF's default test (CanConnect) opens a further read-only
        // connection on SQLite for every probe, which cost the portal more than most of its pages.
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", customTestQuery: async (db, cancellationToken) =>
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
                return true;
            })
            .AddCheck<DatabaseFileHealthCheck>("database-file");
        return services;
    }
}
