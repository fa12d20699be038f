using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace BaZhouTalent.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
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

    /// <summary>
    /// Outside Development the portal refuses to start on a missing database file, data folder or empty server database
    /// unless this asks for a first-time set-up (an unmounted volume must not start an empty portal).
    /// </summary>
    public bool FirstTimeSetup { get; set; }
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
    public static void PostgreSqlOptions(NpgsqlDbContextOptionsBuilder postgreSql) =>
        postgreSql.MigrationsAssembly(typeof(DatabaseSetup).Assembly.FullName);

    /// <summary>
    /// The PostgreSQL context's options. PostgreSQL sorts NULLs last in ascending order where SQLite and SQL Server sort
    /// them first; Npgsql's reversed null ordering (NULLS FIRST ascending, NULLS LAST descending) gives every list the
    /// same order on every provider.
    /// </summary>
    public static DbContextOptionsBuilder UsePostgreSql(this DbContextOptionsBuilder options, string? connectionString) =>
        options.UseNpgsql(WithPreparedStatements(connectionString), PostgreSqlOptions)
            .ReplaceService<IQuerySqlGeneratorFactory, NullsFirstQuerySqlGeneratorFactory>();

    /// <summary>How many statements each PostgreSQL connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int PreparedStatementsPerConnection = 256;

    /// <summary>
    /// Npgsql prepares a statement on its connection once it has run five times (<c>Max Auto Prepare</c>), so PostgreSQL
    /// parses and plans a page's queries once per connection instead of on every request: planning the review graph's
    /// and the application page's joins was most of their cost (measured 1.6× and 3× the requests a second). The portal
    /// changes no table's columns while it serves, so a kept plan never meets a changed result type. A connection string
    /// that names <c>Max Auto Prepare</c> (0 turns it off) is followed.
    /// </summary>
    public static string? WithPreparedStatements(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return connectionString;
        // Npgsql's own builder answers every keyword it knows; the plain one holds only what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PreparedStatementsPerConnection }.ConnectionString;
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Default");
        // Checked when the portal starts (see DatabaseInitializer), so a missing setting is one clear line, not a crash here.
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(connectionString),
                "ConnectionStrings:Default is required when Database:Provider is SqlServer or PostgreSql.")
            .ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.TryAddSingleton<DataStampWriter>();
        services.AddScoped<DatabaseDataVersion>();
        services.AddScoped<IDataVersion>(provider => provider.GetRequiredService<DatabaseDataVersion>());
        // Contexts are pooled: building a context's options and internal services on every request was most of a health
        // probe's cost and a tenth of a short page's (docs/benchmarks.md). The contexts hold no state of their own, and
        // EF resets what a request may change (tracked entities, command timeout) when a context goes back to the pool.
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerAppDbContext>((sp, o) => o.UseSqlServer(connectionString, SqlServerOptions)
                    .AddInterceptors(sp.GetRequiredService<DataStampWriter>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<PostgreSqlAppDbContext>((sp, o) => o.UsePostgreSql(connectionString)
                    .AddInterceptors(sp.GetRequiredService<DataStampWriter>()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgreSqlAppDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, options.DataDirectory, contentRoot);
                var file = SqliteDatabaseFile.For(sqlite);
                if (file is not null) services.AddSingleton(file);
                services.AddDbContextPool<SqliteAppDbContext>((sp, o) =>
                {
                    o.UseSqlite(sqlite, SqliteOptions);
                    o.AddInterceptors(sp.GetRequiredService<DataStampWriter>());
                    if (file is not null) o.AddInterceptors(file);
                    o.AddInterceptors(SqliteConnectionTuning.Instance);
                });
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<ITextSearch, TextSearch>();
        return services;
    }

    /// <summary>The configured SQLite connection, or a file in the data folder (created at start when allowed, see <see cref="SqliteDatabaseFile"/>).</summary>
    public static string SqliteConnectionString(string? configured, string dataDirectory, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        return $"Data Source={Path.Combine(Path.GetFullPath(Path.Combine(contentRoot, dataDirectory)), "bazhoutalent.db")}";
    }
}
