using System.Diagnostics;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// The real portal in Development (demo data on) over its own SQLite file in a temporary folder — or, with
/// <see cref="Provider"/> PostgreSql, its own database on the test run's PostgreSQL server (<see cref="PostgreSqlServer"/>) —
/// exactly as `dotnet run` would start it, with logs written in the folder for inspection.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    static PortalFactory()
    {
        // Each portal would watch its appsettings files with an inotify instance of its own; Linux allows 128 per user
        // and a full run keeps more portals than that alive at once, so late ones failed to start. No test edits
        // settings on disk.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "portal.db");

    /// <summary>The engine of the portal's own database; ignored when <see cref="SharedDatabase"/> is given.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>A database outside this host, so a second host (another instance, or the one after a crash) opens the same data.</summary>
    public TestDatabase? SharedDatabase { get; init; }

    /// <summary>The database this portal runs on, once started.</summary>
    public TestDatabase? Database { get; private set; }

    public string LogDirectory => Path.Combine(Folder, "logs");

    /// <summary>
    /// 市社科联 accounts sign in with an authenticator code, as configured for every installation. Off by default here:
    /// the suites that are not about signing in sign in hundreds of times a minute and an authenticator code is good
    /// once, like the throttling limits raised below. The suites about security (and the route table) turn it on
    /// (<see cref="SecurePortalFactory"/>) and sign in through <see cref="SecondFactor"/>.
    /// </summary>
    protected virtual bool RequireTwoFactor => false;

    /// <summary>
    /// The demo programme (<c>Seeding:DemoProgramme</c>, on in appsettings.Development.json): off here, so each suite starts
    /// from the demo accounts and the reference project alone; the demo programme's own tests turn it on.
    /// </summary>
    public bool DemoProgramme { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Seeding:DemoProgramme", DemoProgramme ? "true" : "false");
        Database ??= SharedDatabase ?? TestDatabase.New(Provider, Folder);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Logs:Directory", LogDirectory);
        // A portal outside Development takes its daily backup; never into the source tree (the content root).
        builder.UseSetting("Backup:Directory", Path.Combine(Folder, "backups"));
        // …and the years' 归档 likewise (beside a SQLite file it would be the test's folder anyway; not on PostgreSQL).
        builder.UseSetting("Archive:Directory", Path.Combine(Folder, "archives"));
        // Tests drive delivery and reminders by hand (OutboxDelivery, SendReminders), never on the workers' timers.
        builder.UseSetting("Notices:WorkersEnabled", "false");
        // …and the reuse checks (RunReuseChecks, ReuseArchive); ReuseWorkerTests switches the worker on.
        builder.UseSetting("Closure:Reuse:WorkerEnabled", "false");
        // The suites written before 结项公示 expect the certificate at conclusion; AnnouncementTests sets a period of its own.
        builder.UseSetting("Closure:Announcement:WorkingDays", "0");
        // The suites sign in hundreds of times a minute from one address; the throttling tests set low limits of their own.
        foreach (var limit in new[] { "SignInPerClient", "SignInPerAccount", "VerifyPerClient" })
            builder.UseSetting($"Throttling:{limit}:PermitLimit", "1000000");
        if (!RequireTwoFactor)
            builder.UseSetting("Security:TwoFactor:RequiredRoles:0", "");
    }

    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs <paramref name="action"/> with a fresh scope's services (the context, the user manager…).</summary>
    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query) =>
        await WithScopeAsync(sp => query(sp.GetRequiredService<AppDbContext>()));

    /// <summary>
    /// Everything the portal logged so far (the file sink is shared, so it can be read while open). The sinks write on
    /// a background thread in the order events were logged, so a marker is logged and awaited: once it is in the file,
    /// every line logged before this call is too.
    /// </summary>
    public string ReadLogs()
    {
        var marker = $"log read {Guid.NewGuid():N}";
        Services.GetRequiredService<Serilog.ILogger>().Information("{Marker}", marker);
        var written = Stopwatch.StartNew();
        while (true)
        {
            var logs = LogsWritten();
            if (logs.Contains(marker, StringComparison.Ordinal)) return logs;
            if (written.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"the log marker was not written:\n{logs}");
            Thread.Sleep(10); // polling a condition, bounded above; not a timing assertion
        }
    }

    private string LogsWritten()
    {
        if (!Directory.Exists(LogDirectory)) return "";
        return string.Concat(Directory.GetFiles(LogDirectory).Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (SharedDatabase is null) Database?.Drop();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
