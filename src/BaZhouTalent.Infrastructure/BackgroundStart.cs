namespace BaZhouTalent.Infrastructure;

/// <summary>
/// The background workers (自建库查重's catch-up, reminders, the outbox, the daily backup) begin their first pass a
/// little after the portal has started, so they do not compete with the start and its first requests for the CPU
/// (docs/benchmarks.md, the start). Work a user is waiting for is not held back: a submission's poke wakes the reuse
/// worker at once.
/// </summary>
public static class BackgroundStart
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>Waits <see cref="Grace"/> (or until stopping, without throwing).</summary>
    public static async Task WaitAsync(TimeProvider clock, CancellationToken stoppingToken) =>
        await Task.Delay(Grace, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
