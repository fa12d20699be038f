using System.Diagnostics;
using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Infrastructure.Seeding;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>
/// <c>dotnet BaZhouTalent.Web.dll reuse-index</c>: brings the database up to date, fingerprints every submitted report
/// not yet in the 自建库查重 index and queues the checks of applications under review that never had one, then exits.
/// Safe beside running portals: a report is fingerprinted once whoever gets there first.
/// </summary>
public static class ReuseIndexing
{
    /// <summary>Reports per transaction: large, so that the fingerprints of many reports are written in one sorted pass.</summary>
    public const int Batch = 5_000;

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var watch = Stopwatch.StartNew();
            var progress = await scope.ServiceProvider.GetRequiredService<ReuseArchive>().IndexAllAsync(Batch,
                total => Console.WriteLine($"reuse-index: {total} report(s) fingerprinted, {watch.Elapsed.TotalSeconds:F0} s"),
                app.Lifetime.ApplicationStopping);
            Console.WriteLine($"reuse-index: done — {progress.Indexed} report(s) fingerprinted, {progress.ChecksQueued} check(s) queued, {watch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"reuse-index failed: {e.GetBaseException().Message} ({e.GetBaseException().GetType().Name})");
            return 1;
        }
    }
}
