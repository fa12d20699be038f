using BaZhouTalent.Infrastructure.Backups;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// The operator's commands, run instead of the web host with the same configuration:
/// <c>backup [--to DIR]</c> and <c>restore --from DIR</c>. Exit code 0 on success, 1 with one line on the console otherwise.
/// </summary>
public static class PortalCommands
{
    public static bool IsCommand(string[] args) => args is ["backup", ..] or ["restore", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var backups = scope.ServiceProvider.GetRequiredService<PortalBackup>();
        try
        {
            if (args[0] == "backup")
            {
                var run = await backups.RunAsync(Option(args, "--to"), "命令", app.Lifetime.ApplicationStopping);
                if (!run.Succeeded)
                {
                    await Console.Error.WriteLineAsync($"备份失败：{run.Message}");
                    return 1;
                }
                Console.WriteLine($"备份完成：{run.Location}（{run.Message}）");
                return 0;
            }
            if (Option(args, "--from") is not { } from)
            {
                await Console.Error.WriteLineAsync("用法：restore --from 备份目录");
                return 1;
            }
            var manifest = await backups.RestoreAsync(from, app.Lifetime.ApplicationStopping);
            Console.WriteLine($"恢复完成：{from}（备份时间 {manifest.TakenAt:yyyy-MM-dd HH:mm:ss} UTC，{manifest.Rows.Values.Sum()} 行数据、{manifest.Files.Count} 个文件）");
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await Console.Error.WriteLineAsync($"恢复被拒绝：{e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} 失败：{e.GetBaseException().Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
