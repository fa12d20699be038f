using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// Runs the queued checks, after the submissions that queued them have committed. Each due check is claimed with one
/// conditional UPDATE (pending, due, unclaimed or its claim expired), as the outbox is, so two instances never run the
/// same one; the attempt is counted with the claim. A check fingerprints its round first (so later reports find it),
/// compares it with the archive, and replaces the round's result in one save. A failure records the error and backs
/// off (1, 2, 4 … minutes, at most an hour) until <see cref="ReuseOptions.MaxAttempts"/>.
/// </summary>
public sealed class RunReuseChecks(
    IAppDbContext db,
    IReuseStore store,
    TimeProvider clock,
    WorkerIdentity me,
    IOptions<ReuseOptions> options,
    ILogger<RunReuseChecks> log)
{
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private const int BatchSize = 20;

    /// <returns>How many checks were completed in this pass.</returns>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.ReuseChecks.AsNoTracking()
            .Where(c => c.State == ReuseCheckState.Pending && c.NextAttemptAt <= now && (c.LockedUntil == null || c.LockedUntil <= now))
            .OrderBy(c => c.NextAttemptAt).ThenBy(c => c.Id)
            .Select(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var done = 0;
        foreach (var id in due)
        {
            if (await TryRunAsync(id, cancellationToken))
                done++;
        }
        return done;
    }

    private async Task<bool> TryRunAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimedUntil = now + ClaimDuration;
        var holder = me.Name;
        var claimed = await db.ReuseChecks
            .Where(c => c.Id == id && c.State == ReuseCheckState.Pending && (c.LockedUntil == null || c.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LockedUntil, claimedUntil)
                .SetProperty(c => c.LockedBy, holder)
                .SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return false;

        var check = await db.ReuseChecks.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        try
        {
            await RunAsync(check, holder, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            db.DiscardChanges();
            var giveUp = check.Attempts >= options.Value.MaxAttempts;
            var next = clock.GetUtcNow() + Notices.Backoff.After(check.Attempts);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > 1000) error = error[..1000];
            await db.ReuseChecks.Where(c => c.Id == id && c.LockedBy == holder)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastError, error)
                    .SetProperty(c => c.State, giveUp ? ReuseCheckState.Failed : ReuseCheckState.Pending)
                    .SetProperty(c => c.NextAttemptAt, next)
                    .SetProperty(c => c.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (giveUp)
                log.LogError(e, "Reuse check {Id} of application {ApplicationId} round {Round} given up after {Attempts} attempts",
                    id, check.ApplicationId, check.Round, check.Attempts);
            else
                log.LogWarning("Reuse check {Id} attempt {Attempts} failed ({Error}); next at {Next}", id, check.Attempts, error, next);
            return false;
        }
    }

    private async Task RunAsync(ReuseCheck check, string holder, CancellationToken cancellationToken)
    {
        var content = await db.ApplicationRevisions.AsNoTracking()
            .Where(r => r.ApplicationId == check.ApplicationId && r.Round == check.Round)
            .Select(r => r.Content)
            .SingleAsync(cancellationToken);
        var text = ReuseText.Of(RoundReports.TextOf(content) ?? "", options.Value.Headings);

        // Indexed first, so a report submitted while this one is being compared finds it.
        await store.IndexAsync([new IndexedReport(check.ApplicationId, check.Round, text)], cancellationToken);
        var view = store.ViewFor(check.ApplicationId);
        var result = await ReuseComparison.RunAsync(text, view, options.Value, cancellationToken);

        var sources = result.Sources.Select((s, rank) =>
        {
            var (applicationId, round) = view.SourceOf(s.SourceDocument);
            return new ReuseSource
            {
                CheckId = check.Id,
                Rank = rank + 1,
                SourceApplicationId = applicationId,
                SourceRound = round,
                SharedCharacters = s.SharedCharacters,
                Passages = [.. s.Passages.Select(p =>
                {
                    var (start, length) = text.OriginalSpan(p.From, p.To);
                    var (sourceStart, sourceLength) = s.Text.OriginalSpan(p.SourceFrom, p.SourceTo);
                    return new ReusePassage { Start = start, Length = length, SourceStart = sourceStart, SourceLength = sourceLength, Characters = p.Characters };
                })],
            };
        }).ToList();

        // The round's result replaces any earlier run of the same check (a recheck), in one save with the outcome.
        await db.ReuseSources.Where(s => s.CheckId == check.Id).ExecuteDeleteAsync(cancellationToken);
        db.ReuseSources.AddRange(sources);
        await db.SaveChangesAsync(cancellationToken);
        var completed = clock.GetUtcNow();
        await db.ReuseChecks.Where(c => c.Id == check.Id && c.LockedBy == holder)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, ReuseCheckState.Done)
                .SetProperty(c => c.CompletedAt, completed)
                .SetProperty(c => c.Characters, result.Characters)
                .SetProperty(c => c.MatchedCharacters, result.MatchedCharacters)
                .SetProperty(c => c.Percent, result.Percent)
                .SetProperty(c => c.LastError, (string?)null)
                .SetProperty(c => c.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        log.LogInformation("Reuse check of application {ApplicationId} round {Round}: {Percent} % from {Sources} source(s)",
            check.ApplicationId, check.Round, result.Percent, sources.Count);

        await RecheckSourcesAsync(check.ApplicationId, sources.Select(s => s.SourceApplicationId).Distinct().ToList(), completed, cancellationToken);
    }

    /// <summary>
    /// Reuse within one batch runs both ways: a source still under review whose own result predates this report (and so
    /// does not name it) is checked again, now that this report is indexed. A source that already names it is left alone,
    /// which ends the exchange after one recheck.
    /// </summary>
    private async Task RecheckSourcesAsync(int applicationId, List<int> sourceApplications, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sourceApplications.Count == 0)
            return;
        var open = new[] { ApplicationStatus.Concluded, ApplicationStatus.Rejected };
        await db.ReuseChecks
            .Where(c => sourceApplications.Contains(c.ApplicationId) && c.State == ReuseCheckState.Done
                && db.ClosureApplications.Any(a => a.Id == c.ApplicationId && a.Round == c.Round && !open.Contains(a.Status))
                && !c.Sources.Any(s => s.SourceApplicationId == applicationId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, ReuseCheckState.Pending)
                .SetProperty(c => c.NextAttemptAt, now)
                .SetProperty(c => c.Attempts, 0), cancellationToken);
    }
}
