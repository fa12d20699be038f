using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new OptionsValidationException("ConnectionStrings:Default", typeof(DatabaseOptions),
                        ["ConnectionStrings:Default is required when Database:Provider is SqlServer."]);
                services.AddDbContext<SqlServerAppDbContext>(o => o.UseSqlServer(connectionString, SqlServerOptions));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            default:
                services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite(
                    SqliteConnectionString(connectionString, options.DataDirectory, contentRoot), SqliteOptions));
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
