using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// The archive brought into the index: every application's latest submitted round that has no fingerprints yet — after
/// an upgrade, a database restored from a backup, reports imported by any other way — is fingerprinted once (the
/// unique round makes a second indexer a no-op), and an application still under review whose current round was never
/// checked gets its check queued. Run by the worker in small batches (<see cref="SweepAsync"/>, one instance at a time
/// under the <c>reuse-index</c> lease) and by the <c>reuse-index</c> command in large ones (<see cref="IndexAllAsync"/>).
/// </summary>
public sealed class ReuseArchive(IAppDbContext db, IReuseStore store, JobLeases leases, TimeProvider clock,
    IOptions<ReuseOptions> options, ILogger<ReuseArchive> log)
{
    public const string LeaseName = "reuse-index";

    private static readonly ApplicationStatus[] InReview =
    [
        ApplicationStatus.UnitReview, ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake,
        ApplicationStatus.ExpertReview, ApplicationStatus.FederationReview,
    ];

    public sealed record Progress(int Indexed, int ChecksQueued);

    /// <summary>One worker pass: at most <paramref name="batch"/> reports, when this instance holds the lease.</summary>
    public async Task<Progress> SweepAsync(int batch, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(10), cancellationToken))
            return new Progress(0, 0);
        var queued = await QueueUncheckedAsync(cancellationToken);
        var indexed = await IndexNextAsync(batch, cancellationToken);
        if (indexed > 0)
            log.LogInformation("Reuse index: fingerprinted {Count} archived report(s)", indexed);
        return new Progress(indexed, queued);
    }

    /// <summary>The command: everything not yet indexed, in batches of <paramref name="batch"/> reports per transaction.</summary>
    public async Task<Progress> IndexAllAsync(int batch, Action<int>? progress, CancellationToken cancellationToken)
    {
        var queued = await QueueUncheckedAsync(cancellationToken);
        var total = 0;
        while (await IndexNextAsync(batch, cancellationToken) is var indexed and > 0)
        {
            total += indexed;
            progress?.Invoke(total);
        }
        return new Progress(total, queued);
    }

    /// <summary>Applications' current rounds that are submitted and have no fingerprints.</summary>
    private IQueryable<ApplicationRevision> Unindexed() =>
        from r in db.ApplicationRevisions
        join a in db.ClosureApplications on r.ApplicationId equals a.Id
        where r.Round == a.Round && !db.ReuseDocuments.Any(d => d.ApplicationId == r.ApplicationId && d.Round == r.Round)
        select r;

    /// <returns>How many reports were indexed; 0 when none is left (or another instance is indexing the same ones).</returns>
    private async Task<int> IndexNextAsync(int batch, CancellationToken cancellationToken)
    {
        var ids = await Unindexed().OrderBy(r => r.Id).Select(r => r.Id).Take(batch).ToListAsync(cancellationToken);
        // Revision contents run to tens of kilobytes: read a slice at a time, keep only the normalised text.
        var reports = new List<IndexedReport>(ids.Count);
        foreach (var slice in ids.Chunk(200))
        {
            var rows = await db.ApplicationRevisions.AsNoTracking().Where(r => slice.Contains(r.Id))
                .Select(r => new { r.ApplicationId, r.Round, r.Content }).ToListAsync(cancellationToken);
            reports.AddRange(rows.AsParallel().AsOrdered().Select(r => new IndexedReport(r.ApplicationId, r.Round,
                ReuseText.Of(RoundReports.TextOf(r.Content) ?? "", options.Value.Headings))));
        }
        return reports.Count == 0 ? 0 : await store.IndexAsync(reports, cancellationToken);
    }

    /// <summary>Applications under review whose current round has no check (they were submitted before the upgrade).</summary>
    private async Task<int> QueueUncheckedAsync(CancellationToken cancellationToken)
    {
        var missing = await db.ClosureApplications
            .Where(a => InReview.Contains(a.Status) && a.SubmittedAt != null && !a.ReuseChecks.Any(c => c.Round == a.Round))
            .Select(a => new { a.Id, a.Round })
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
            return 0;
        var now = clock.GetUtcNow();
        db.ReuseChecks.AddRange(missing.Select(m => ReuseQueue.Pending(m.Id, m.Round, now)));
        return await db.SaveUnlessTakenAsync(cancellationToken) ? missing.Count : 0;
    }
}
