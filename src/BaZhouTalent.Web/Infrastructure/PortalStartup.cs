using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Identity;
using BaZhouTalent.Infrastructure.Seeding;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// Brings the database up to date, then serves until shutdown. Whatever stops the start (a setting missing,
/// a damaged or empty database file, a database that does not answer) is one clear line on the console and
/// exit code 1, for an operator or a supervisor to act on — not a stack trace and an abort.
/// </summary>
public static class PortalStartup
{
    /// <summary>The command that fingerprints the whole archive for 自建库查重 and exits (docs/reuse.md).</summary>
    public const string ReuseIndexCommand = "reuse-index";

    public static async Task<int> RunPortalAsync(this WebApplication app, string[] args)
    {
        if (args is [ReuseIndexCommand, ..])
            return await ReuseIndexing.RunAsync(app);
        try
        {
            // Settings first, so a missing one is named before anything tries to use it.
            _ = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            }
            await app.StartAsync();
        }
        catch (Exception e) when (e is not HostAbortedException)
        {
            await Console.Error.WriteLineAsync($"BaZhouTalent could not start: {Describe(e)}");
            return 1;
        }
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string Describe(Exception e) => e switch
    {
        OptionsValidationException options => string.Join(" ", options.Failures),
        _ => $"{e.GetBaseException().Message} ({e.GetBaseException().GetType().Name})",
    };
}
