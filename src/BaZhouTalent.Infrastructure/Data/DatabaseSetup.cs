using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Bound from the <c>Database</c> section; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file when no connection string is given; relative to the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations on start (always for SQLite; SQL Server may migrate by script instead).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class DatabaseSetup
{
    public static void SqliteOptions(SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName);

    public static void SqlServerOptions(SqlServerDbContextOptionsBuilder sqlServer) =>
        sqlServer.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName).EnableRetryOnFailure();

    /// <summary>
    /// Registers the provider's context and exposes it as <see cref="AppDbContext"/> and <see cref="IAppDbContext"/>,
    /// so the rest of the portal never knows which engine it runs on.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Default");
        // Checked when the portal starts (see DatabaseInitializer), so a missing setting is one clear line, not a crash here.
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(connectionString),
                "ConnectionStrings:Default is required when Database:Provider is SqlServer.")
            .ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.TryAddSingleton<DataChangeCounter>();
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerAppDbContext>((sp, o) => o.UseSqlServer(connectionString, SqlServerOptions)
                    .AddInterceptors(sp.GetRequiredService<DataChangeCounter>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, options.DataDirectory, contentRoot);
                var file = SqliteDatabaseFile.For(sqlite);
                if (file is not null) services.AddSingleton(file);
                services.AddDbContext<SqliteAppDbContext>((sp, o) =>
                {
                    o.UseSqlite(sqlite, SqliteOptions);
                    o.AddInterceptors(sp.GetRequiredService<DataChangeCounter>());
                    if (file is not null) o.AddInterceptors(file);
                    o.AddInterceptors(SqliteConnectionTuning.Instance);
                });
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        return services;
    }

    /// <summary>The configured SQLite connection, or a file in the data folder, which is created if missing.</summary>
    public static string SqliteConnectionString(string? configured, string dataDirectory, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var folder = Path.GetFullPath(Path.Combine(contentRoot, dataDirectory));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "bazhoutalent.db")}";
    }
}
