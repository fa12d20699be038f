using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// Read settings for each physical SQLite connection, applied once when the pool opens it (a pooled connection keeps
/// them). Memory-mapped reads spare a system call per page, and a larger page cache keeps the lists' indexes and the
/// project rows they join in memory: at 20,000 projects a list that counts thousands of rows otherwise spends most of
/// its time re-reading pages (see docs/benchmarks.md).
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -8192;";

    public static readonly SqliteConnectionTuning Instance = new();

    private readonly ConditionalWeakTable<object, object> tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    // Microsoft.Data.Sqlite runs commands synchronously anyway, and these touch no file.
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    /// <summary>True the first time this physical connection (the native handle, which the pool reuses) is seen.</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && tuned.TryAdd(handle, handle);
}
