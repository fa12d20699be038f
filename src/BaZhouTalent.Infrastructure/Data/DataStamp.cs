using System.Data.Common;
using System.Runtime.CompilerServices;
using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>The one row that holds the data-change stamp (<see cref="IDataVersion"/>).</summary>
public sealed class DataStamp
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}

internal sealed class DataStampConfiguration : IEntityTypeConfiguration<DataStamp>
{
    public void Configure(EntityTypeBuilder<DataStamp> builder)
    {
        builder.ToTable(DataStampWriter.Table);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new DataStamp { Id = DataStamp.RowId, Version = 0 });
    }
}

/// <summary>
/// Reads the stamp: one primary-key read, made once per scope (a request) and again only after this scope's own context
/// moved it. A page asks for several kept figures (its counts, its filter choices); on a server database each read is a
/// round trip. Within one request the figures are those of one moment, the first read; another instance's change shows
/// on the next request, as before.
/// </summary>
internal sealed class DatabaseDataVersion(AppDbContext db) : IDataVersion
{
    private (int StampsMoved, long Version)? read;

    /// <summary>
    /// The stamp as another query of this scope read it (the session check reads it with the account, saving every
    /// signed-in request a round trip); a stamp this scope already read stays the request's.
    /// </summary>
    public void Observed(long version) => read ??= (db.StampsMoved, version);

    public async Task<long> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (read is { } known && known.StampsMoved == db.StampsMoved) return known.Version;
        var version = await db.DataStamps.AsNoTracking().Where(s => s.Id == DataStamp.RowId).Select(s => s.Version).SingleAsync(cancellationToken);
        read = (db.StampsMoved, version);
        return version;
    }
}

/// <summary>
/// Moves the data-change stamp inside the transaction of every write the portal makes through EF — SaveChanges,
/// ExecuteUpdate and ExecuteDelete — so another instance sees the stamp move exactly when it can see the change.
/// SaveChanges always runs in a transaction (<see cref="AppDbContext"/> asks for one); the stamp is its last statement,
/// run as the transaction commits, so the stamp row's lock is held only for the commit and is never waited on by a
/// transaction that holds other locks. An ExecuteUpdate outside a transaction gets one of its own around it and its
/// stamp. Renewing a job lease (an ExecuteUpdate of JobLeases every few seconds) or a year archive's progress changes
/// nothing a kept figure reads and leaves the stamp alone, so kept figures stay kept.
/// </summary>
public sealed class DataStampWriter : DbCommandInterceptor, IDbTransactionInterceptor
{
    public const string Table = "DataStamps";

    private const string Increment = $"""UPDATE "{Table}" SET "Version" = "Version" + 1""";

    /// <summary>Transactions that wrote; true when this interceptor began the transaction itself.</summary>
    private readonly ConditionalWeakTable<DbTransaction, StrongBox<bool>> written = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Enlist(command, eventData, own: false);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Enlist(command, eventData, own: false);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enlist(command, eventData, own: true);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enlist(command, eventData, own: true);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (OwnTransaction(command) is { } transaction)
        {
            if (result > 0) Stamp(transaction, eventData.Context);
            transaction.Commit();
            Forget(command, transaction);
        }
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (OwnTransaction(command) is { } transaction)
        {
            if (result > 0) await StampAsync(transaction, eventData.Context, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Forget(command, transaction);
        }
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (OwnTransaction(command) is { } transaction)
        {
            transaction.Rollback();
            Forget(command, transaction);
        }
    }

    public override async Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (OwnTransaction(command) is { } transaction)
        {
            await transaction.RollbackAsync(cancellationToken);
            Forget(command, transaction);
        }
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (written.TryGetValue(transaction, out var own) && !own.Value) Stamp(transaction, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (written.TryGetValue(transaction, out var own) && !own.Value) await StampAsync(transaction, eventData.Context, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => written.Remove(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        written.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => written.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        written.Remove(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => written.Remove(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        written.Remove(transaction);
        return Task.CompletedTask;
    }

    private void Enlist(DbCommand command, CommandEventData eventData, bool own)
    {
        if (eventData.CommandSource is not (CommandSource.SaveChanges or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete)
            || (eventData.CommandSource == CommandSource.ExecuteUpdate && Bookkeeping.Any(table => command.CommandText.Contains(table, StringComparison.Ordinal))))
            return;
        if (command.Transaction is { } transaction)
        {
            // Npgsql hands out the same transaction object again on a pooled connection: a mark is per transaction run.
            if (!written.TryGetValue(transaction, out _)) written.Add(transaction, new StrongBox<bool>(false));
            return;
        }
        if (!own)
            throw new InvalidOperationException("A write outside a transaction cannot move the data-change stamp with it.");
        var begun = command.Connection!.BeginTransaction();
        command.Transaction = begun;
        written.AddOrUpdate(begun, new StrongBox<bool>(true));
    }

    /// <summary>
    /// Tables whose ExecuteUpdates change nothing a kept figure reads: job leases, and a year archive's progress and lease
    /// (written after every application while a year is prepared).
    /// </summary>
    private static readonly string[] Bookkeeping = [nameof(AppDbContext.JobLeases), nameof(AppDbContext.YearArchiveJobs)];

    private DbTransaction? OwnTransaction(DbCommand command) =>
        command.Transaction is { } transaction && written.TryGetValue(transaction, out var own) && own.Value ? transaction : null;

    private void Forget(DbCommand command, DbTransaction transaction)
    {
        written.Remove(transaction);
        command.Transaction = null;
        transaction.Dispose();
    }

    private static void Stamp(DbTransaction transaction, DbContext? context)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Increment;
        command.ExecuteNonQuery();
        (context as AppDbContext)?.StampMoved();
    }

    private static async Task StampAsync(DbTransaction transaction, DbContext? context, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Increment;
        await command.ExecuteNonQueryAsync(cancellationToken);
        (context as AppDbContext)?.StampMoved();
    }
}
