using System.Globalization;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Backups;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Seeding;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Operator commands: <c>dotnet BaZhouTalent.Web.dll &lt;command&gt; [options]</c> runs one of these against the configured
/// database (the same settings as the portal) and exits instead of serving. Exit codes: 0 done, 1 could not start,
/// 2 unknown usage, 3 refused or the check failed. Add a command as one line of <see cref="Commands"/>.
/// </summary>
public static class PortalCommands
{
    private delegate Task<int> Run(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken);

    /// <param name="Run">What the command does.</param>
    /// <param name="ReadsSchema">Whether the database is first brought up to date as a start would (not for backup and
    /// restore, which copy the database as it is and write only into a new, empty place).</param>
    private sealed record Command(Run Run, bool ReadsSchema = true);

    private static readonly Dictionary<string, Command> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["backup"] = new(BackupAsync, ReadsSchema: false),
        ["restore"] = new(RestoreAsync, ReadsSchema: false),
        ["audit-verify"] = new(VerifyAuditAsync),
        ["audit-archive"] = new(ArchiveAuditAsync),
    };

    /// <summary>True when the first argument names a command (server options such as --urls never do).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var command = Commands[args[0]];
            // The schema the command reads is the portal's own: brought up to date as a start would.
            if (command.ReadsSchema)
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return await command.Run(scope.ServiceProvider, args, Console.Out, app.Lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"BaZhouTalent {args[0]} failed: {e.GetBaseException().Message} ({e.GetBaseException().GetType().Name})");
            return 1;
        }
    }

    /// <summary>backup [--to DIR]: one consistent copy of the database and the attachments, with its manifest.</summary>
    private static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<PortalBackup>().RunAsync(Option(args, "--to"), "命令", cancellationToken);
        await output.WriteLineAsync(run.Succeeded ? $"备份完成：{run.Location}（{run.Message}）" : $"备份失败：{run.Message}");
        return run.Succeeded ? 0 : 3;
    }

    /// <summary>restore --from DIR: every hash checked first; a damaged backup, or one from a newer schema, restores nothing.</summary>
    private static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (Option(args, "--from") is not { } from)
        {
            await output.WriteLineAsync("用法：restore --from 备份目录");
            return 2;
        }
        try
        {
            var manifest = await services.GetRequiredService<PortalBackup>().RestoreAsync(from, cancellationToken);
            await output.WriteLineAsync($"恢复完成：{from}（备份时间 {manifest.TakenAt:yyyy-MM-dd HH:mm:ss} UTC，{manifest.Rows.Values.Sum()} 行数据、{manifest.Files.Count} 个文件）");
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await output.WriteLineAsync($"恢复被拒绝：{e.Message}");
            return 3;
        }
    }

    /// <summary>audit-verify: checks the security audit's hash chain and names the first broken record.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<VerifySecurityAudit.Handler>().HandleAsync(cancellationToken);
        var audit = services.GetRequiredService<SecurityAudit>();
        await audit.RecordAsync(SecurityEventKind.AuditVerified, result.Intact ? SecurityOutcome.Success : SecurityOutcome.Failure,
            "审计日志", result.Message, account: OperatorAccount, accountName: "命令行", cancellationToken: cancellationToken);
        await output.WriteLineAsync(result.Message);
        return result.Intact ? 0 : 3;
    }

    /// <summary>audit-archive [--out DIR] [--before yyyy-MM-dd]: moves records older than the retention to a file.</summary>
    private static async Task<int> ArchiveAuditAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var directory = Option(args, "--out") ?? DefaultArchiveDirectory(services);
        DateOnly? before = null;
        if (Option(args, "--before") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                await output.WriteLineAsync("--before 须为日期，例如 2026-01-01。");
                return 2;
            }
            before = date;
        }
        var result = await services.GetRequiredService<SecurityAuditArchive>().ArchiveAsync(directory, before, OperatorAccount, cancellationToken);
        await output.WriteLineAsync(result.Message);
        return result.Archived ? 0 : 3;
    }

    /// <summary>The operating-system account that ran the command, as the audit names it.</summary>
    private static string OperatorAccount => $"os:{Environment.UserName}";

    private static string DefaultArchiveDirectory(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<SecurityOptions>>().Value.Audit.ArchiveDirectory;
        var root = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var data = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory;
        return Path.GetFullPath(Path.Combine(root, string.IsNullOrWhiteSpace(configured) ? Path.Combine(data, "audit-archive") : configured));
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.FindIndex(args, a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
