using BaZhouTalent.Application.Reuse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Reuse;

/// <summary>
/// Runs the queued reuse checks and brings the archive into the index, every <c>Closure:Reuse:IntervalSeconds</c> or
/// at once when a submission pokes it (<see cref="ReuseSignal"/>). Never part of a request: a submission only queues.
/// </summary>
public sealed class ReuseWorker(IServiceScopeFactory scopes, ReuseSignal signal, IOptions<ReuseOptions> options, ILogger<ReuseWorker> log)
    : BackgroundService
{
    /// <summary>Archived reports fingerprinted per pass, so that checks of new submissions are never kept waiting long.</summary>
    public const int SweepBatch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
            return;
        // Leave the start of the host to the requests; a submission's poke ends the wait at once.
        try { await signal.WaitAsync(BackgroundStart.Grace, stoppingToken); }
        catch (OperationCanceledException) { return; }
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var checkedNow = await scope.ServiceProvider.GetRequiredService<RunReuseChecks>().RunPendingAsync(stoppingToken);
                var swept = await scope.ServiceProvider.GetRequiredService<ReuseArchive>().SweepAsync(SweepBatch, stoppingToken);
                // A check may have queued its sources again (reuse within a batch): look once more before sleeping.
                more = checkedNow > 0 || swept.Indexed == SweepBatch || swept.ChecksQueued > 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reuse worker pass failed");
            }
            if (!more)
            {
                try { await signal.WaitAsync(interval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
