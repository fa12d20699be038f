using System.Globalization;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
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
    private delegate Task<int> Command(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken);

    private static readonly Dictionary<string, Command> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audit-verify"] = VerifyAuditAsync,
        ["audit-archive"] = ArchiveAuditAsync,
    };

    /// <summary>True when the first argument names a command (server options such as --urls never do).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            // The schema the command reads is the portal's own: brought up to date as a start would.
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return await Commands[args[0]](scope.ServiceProvider, args, Console.Out, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"BaZhouTalent {args[0]} failed: {e.GetBaseException().Message} ({e.GetBaseException().GetType().Name})");
            return 1;
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
