using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// Saves new security records as links of the chain, in the transaction of the save that carries them. The first
/// statement raises the head's version: on SQL Server and PostgreSQL that takes the head row's write lock, on SQLite the
/// database's, so a second writer waits there until the first commits and then reads the head the first one left.
/// Two records written at once therefore never claim the same predecessor — the chain cannot fork — and a record is
/// saved together with the change it records or not at all. Plain EF statements: the same on every provider.
/// </summary>
internal static class SecurityAuditChain
{
    public static async Task<int> SaveAsync(AppDbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await ChainAndSaveAsync(db, save, cancellationToken);

        // A retrying strategy (SQL Server) replays the whole unit; the records are renumbered on each attempt.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var saved = await ChainAndSaveAsync(db, save, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        });
    }

    private static async Task<int> ChainAndSaveAsync(AppDbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        var heads = db.SecurityAuditHeads.Where(h => h.Id == SecurityAuditHead.SingletonId);
        if (await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version + 1), cancellationToken) != 1)
            throw new InvalidOperationException("The security audit has no head row; the database was not migrated.");
        var head = await heads.AsNoTracking().SingleAsync(cancellationToken);

        var (sequence, hash) = (head.LastSequence, head.LastHash);
        var records = db.ChangeTracker.Entries<SecurityEvent>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).OrderBy(e => e.At).ToList();
        foreach (var record in records)
        {
            record.Chain(++sequence, hash);
            hash = record.Hash;
        }
        await heads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash), cancellationToken);
        var saved = await save();

        // A second copy of every link, outside the database: the log files an operator ships elsewhere.
        var log = db.GetService<ILoggerFactory>().CreateLogger(typeof(SecurityAuditChain).FullName!);
        foreach (var record in records)
            log.LogInformation("Security record {Sequence} {Kind} {Outcome} {Account} {Client} {Target} hash {Hash}",
                record.Sequence, record.Kind, record.Outcome, record.Account, record.ClientAddress, record.Target, record.Hash);
        return saved;
    }
}
