using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster for the test run: Debian's initdb and pg_ctl (package postgresql), started on first
/// use as an unprivileged user (<c>postgres</c> when the tests run as root) on a free port in a temporary folder, and
/// stopped and deleted when the test process ends. Each portal gets a database of its own.
/// On a machine without PostgreSQL the PostgreSQL runs are skipped with that reason — unless
/// <see cref="RequiredVariable"/> is <c>required</c> (as .ci/run sets it), when they fail instead.
/// </summary>
public sealed class PostgreSqlServer
{
    public const string RequiredVariable = "BAZHOUTALENT_TEST_POSTGRESQL";

    private static readonly Lazy<(PostgreSqlServer? Server, string? Missing)> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int port;

    private PostgreSqlServer(int port) => this.port = port;

    /// <summary>The server, or a skip (a failure where PostgreSQL is required) when this machine has none.</summary>
    public static PostgreSqlServer Require()
    {
        var (server, missing) = Shared.Value;
        if (server is not null) return server;
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "required")
            throw new InvalidOperationException($"PostgreSQL is required here ({RequiredVariable}=required) but {missing}");
        throw new SkipException($"PostgreSQL run skipped: {missing} (install Debian's postgresql, e.g. with .ci/install-test-deps)");
    }

    /// <summary>For a PostgreSQL test class's constructor: passes its fixture on, or skips the class's tests.</summary>
    public static T Checked<T>(T fixture)
    {
        Require();
        return fixture;
    }

    /// <summary>A new empty database on the cluster.</summary>
    public TestDatabase CreateDatabase()
    {
        var name = "portal_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            // As deploy/ makes it: a UTF-8 LC_CTYPE, under which pg_trgm counts Chinese characters as letters (the lists'
            // search index, docs/adr/0007); every text column is COLLATE "C" whatever the database's locale.
            create.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'";
            create.ExecuteNonQuery();
        }
        return new TestDatabase(DatabaseProvider.PostgreSql, ConnectionString(name));
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, ending its sessions first.</summary>
    public void Drop(TestDatabase database)
    {
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "postgres", Database = database,
        // Many portals live at once in a run; each keeps a small pool.
        MaxPoolSize = 20,
    }.ToString();

    private static (PostgreSqlServer?, string?) Start()
    {
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "off")
            return (null, $"{RequiredVariable}=off");
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null) return (null, "no PostgreSQL server is installed (/usr/lib/postgresql/*/bin/pg_ctl)");

        var parent = Path.Combine(Path.GetTempPath(), "bazhoutalent-postgresql");
        // Clusters of earlier runs that ended without their exit handler (a killed test host) and are no longer running.
        if (Directory.Exists(parent))
            foreach (var stale in Directory.GetDirectories(parent).Where(d => !File.Exists(Path.Combine(d, "data", "postmaster.pid"))
                         && Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddMinutes(-10)))
                Directory.Delete(stale, recursive: true);
        var folder = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // initdb refuses to run as root: the cluster belongs to the postgres account Debian's package made.
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["postgres:postgres", folder]);
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        // Durability off: a test cluster lives for one run and is thrown away.
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                       "-c full_page_writes=off -c max_connections=500 -c shared_buffers=64MB";
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot); }
            finally { Directory.Delete(folder, recursive: true); }
        };
        return (new PostgreSqlServer(port), null);
    }

    private static void Run(string program, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {output.Result}{error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where a test portal keeps its data: a SQLite file, or a database of its own on the test PostgreSQL server.</summary>
public sealed record TestDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static TestDatabase SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    /// <summary>A new database of the provider: a file in <paramref name="folder"/>, or a database on the test server.</summary>
    public static TestDatabase New(DatabaseProvider provider, string folder) => provider == DatabaseProvider.PostgreSql
        ? PostgreSqlServer.Require().CreateDatabase()
        : SqliteFile(Path.Combine(folder, "portal.db"));

    /// <summary>A context of the portal's model on this database, opened by the test itself.</summary>
    public AppDbContext Open() => Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlAppDbContext((DbContextOptions<PostgreSqlAppDbContext>)new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
            .UsePostgreSql(ConnectionString).Options)
        : PortalProcess.OpenDatabase(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource);

    /// <summary>Removes a server database (a SQLite file goes with its folder).</summary>
    public void Drop()
    {
        if (Provider == DatabaseProvider.PostgreSql) PostgreSqlServer.Require().Drop(this);
    }
}
