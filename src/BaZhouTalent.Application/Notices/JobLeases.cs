using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Notices;

/// <summary>This process's name as a lease holder and outbox claimant: unique per host, readable in the table.</summary>
public sealed class WorkerIdentity
{
    public string Name { get; } = $"{Environment.MachineName[..Math.Min(60, Environment.MachineName.Length)]}:{Guid.NewGuid():N}";
}

/// <summary>
/// Leases on jobs that one instance at a time may run. Taking one is a single conditional UPDATE (free or
/// expired, or already ours) or, the first time, an INSERT that the primary key lets only one instance win —
/// atomic on every provider.
/// </summary>
public sealed class JobLeases(IAppDbContext db, TimeProvider clock, WorkerIdentity me)
{
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var holder = me.Name;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.ExpiresAt <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
            return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
            return false;
        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
        return await db.SaveUnlessTakenAsync(cancellationToken);
    }
}
