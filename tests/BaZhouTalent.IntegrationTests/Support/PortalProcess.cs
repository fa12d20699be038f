using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>
/// The portal as a real process (<c>dotnet BaZhouTalent.Web.dll --urls …</c>, Development, demo data) on a SQLite
/// file of the test's choosing: for what only a process shows — two instances starting at once, a SIGKILL, the
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

    /// <param name="databasePath">The SQLite file the portal runs on.</param>
    /// <param name="settings">Environment variables that override the Development defaults (e.g. ASPNETCORE_ENVIRONMENT).</param>
    public static PortalProcess Start(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = StartInfo(databasePath, "--urls", $"http://127.0.0.1:{port}");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var portal = new PortalProcess(new Process { StartInfo = start }, new Uri($"http://127.0.0.1:{port}"));
        portal.Launch();
        return portal;
    }

    /// <summary>
    /// Runs an operator command (<c>dotnet BaZhouTalent.Web.dll audit-verify</c> …) on the SQLite file and waits for it to
    /// end: its exit code and everything it wrote.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string databasePath, params string[] arguments)
    {
        using var command = new PortalProcess(new Process { StartInfo = StartInfo(databasePath, arguments) }, new Uri("http://127.0.0.1"));
        command.Launch();
        var exitCode = await command.WaitForExitAsync();
        return (exitCode, command.Output);
    }

    private static ProcessStartInfo StartInfo(string databasePath, params string[] arguments)
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
        start.Environment["ConnectionStrings__Default"] = $"Data Source={databasePath}";
        start.Environment["Logs__Directory"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "logs");
        return start;
    }

    private void Launch()
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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
