using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// The portal as a real process (<c>dotnet BaZhouTalent.Web.dll --urls …</c>, Development, demo data) on a database
/// of the test's choosing: for what only a process shows — two instances starting at once, a SIGKILL, the
/// exit code and console of a failed start.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static PortalProcess Start(string databasePath, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(TestDatabase.SqliteFile(databasePath), Path.GetDirectoryName(databasePath)!, settings);

    /// <summary>
    /// Starts the portal on <paramref name="database"/>, logging into <paramref name="folder"/>; <paramref name="settings"/>
    /// are configuration keys (<c>Section:Key</c>) given as environment variables, and may override the environment.
    /// </summary>
    public static PortalProcess Start(TestDatabase database, string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var portal = new PortalProcess(new Process { StartInfo = StartInfo(database, folder, settings, "--urls", $"http://127.0.0.1:{port}") },
            new Uri($"http://127.0.0.1:{port}"));
        portal.process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal.process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal.process.Start();
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Runs an operator command (<c>audit-verify</c> …) on the SQLite file to its end: its exit code and console.</summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string databasePath, params string[] command) =>
        RunCommandAsync(TestDatabase.SqliteFile(databasePath), Path.GetDirectoryName(databasePath)!, null, command);

    /// <summary>Runs one of the portal's commands (<c>backup</c>, <c>restore</c>) to its end: its exit code and console.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(TestDatabase database, string folder,
        IReadOnlyDictionary<string, string>? settings, params string[] command)
    {
        using var process = Process.Start(StartInfo(database, folder, settings, command))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo StartInfo(TestDatabase database, string folder, IReadOnlyDictionary<string, string>? settings,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BaZhouTalent.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        // The demo programme is the demo tests' own (see PortalFactory.DemoProgramme); a setting below may turn it on.
        start.Environment["Seeding__DemoProgramme"] = "false";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["Logs__Directory"] = Path.Combine(folder, "logs");
        start.Environment["Backup__Directory"] = Path.Combine(folder, "backups");
        start.Environment["Closure__Announcement__WorkingDays"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    /// <summary>Waits until /healthz answers 200 (true) or the process has exited (false).</summary>
    public async Task<bool> WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // A generous bound only so a hung start fails the test instead of hanging it.
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (process.HasExited) return false;
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(bound.Token);
        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    public Browser NewBrowser() => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = Address,
    });

    /// <summary>SIGKILL: no shutdown, no flush, no disposal — as a power cut or the OOM killer would.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>A context on the portal's SQLite file, opened by the test itself (with the portal stopped, or alongside it).</summary>
    public static SqliteAppDbContext OpenDatabase(string databasePath) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString(), DatabaseSetup.SqliteOptions)
            .Options);

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
