using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Infrastructure.Files;

public static class FileStoreSetup
{
    /// <summary>
    /// Registers the <see cref="IFileStore"/>: the folder at <see cref="RootFor"/> for SQLite or when
    /// <c>Attachments:Root</c> names one (a share every instance mounts); the database itself for the server databases,
    /// which every instance already shares (<see cref="DatabaseFileStore"/>).
    /// </summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        if (InDatabase(configuration))
        {
            services.AddSingleton<IFileStore, DatabaseFileStore>();
            return services;
        }
        var root = RootFor(configuration, contentRoot);
        services.AddSingleton<IFileStore>(sp => new LocalFileStore(root, sp.GetRequiredService<ILogger<LocalFileStore>>()));
        return services;
    }

    /// <summary>Files go into the database: a server database and no folder configured.</summary>
    public static bool InDatabase(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[$"{FileStoreOptions.Section}:{nameof(FileStoreOptions.Root)}"])
        && (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider != DatabaseProvider.Sqlite;

    /// <summary>
    /// <c>Attachments:Root</c> when set (relative to the content root); otherwise <c>attachments</c> beside the
    /// SQLite file, so the database and its files are backed up together; otherwise under <c>Database:DataDirectory</c>.
    /// </summary>
    public static string RootFor(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{FileStoreOptions.Section}:{nameof(FileStoreOptions.Root)}"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(contentRoot, configured));
        return BesideData(configuration, contentRoot, "attachments");
    }

    /// <summary>The folder <paramref name="name"/> beside the SQLite file, or else under <c>Database:DataDirectory</c>.</summary>
    public static string BesideData(IConfiguration configuration, string contentRoot, string name)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var connection = configuration.GetConnectionString("Default");
            var dataSource = string.IsNullOrWhiteSpace(connection) ? "" : new SqliteConnectionStringBuilder(connection).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal))
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource))!, name);
        }
        return Path.GetFullPath(Path.Combine(contentRoot, database.DataDirectory, name));
    }
}
