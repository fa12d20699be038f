using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// The text-search indexes the model cannot describe (FTS5 virtual tables and their triggers on SQLite, pg_trgm's GIN
/// indexes on PostgreSQL), created by the database initializer after the migrations on every start. Every statement is
/// idempotent, and none lives in a migration: the baseline InitialCreate is regenerated from the model until the first
/// release and would lose it (docs/adr/0007). SQL Server has none (its search compares without an index).
/// </summary>
public static class SearchIndexes
{
    /// <summary>The FTS5 tables: each mirrors searched columns of one table (external content, keyed by the table's integer
    /// key), kept current by triggers.</summary>
    public static readonly (string Index, string Table, string Key, string[] Columns)[] SqliteTables =
    [
        ("FundedProjectsSearch", "FundedProjects", "Id", ["Code", "Title", "OriginalLeader_Name"]),
        ("ClosureApplicationsSearch", "ClosureApplications", "Id", ["ProjectTitle", "CurrentLeader_Name"]),
        ("SecurityEventsSearch", "SecurityEvents", "Sequence", ["Target", "Detail", "AccountName", "ClientAddress"]),
    ];

    /// <summary>
    /// 用户管理's FTS5 table. The accounts' key is text (Identity's), and the implicit rowid of such a table may change at a
    /// VACUUM: the index keeps its own copy of the searched columns with the account's id (unindexed) beside them.
    /// </summary>
    public static readonly (string Index, string Table, string Key, string[] Columns) SqliteAccounts =
        ("AccountsSearch", "AspNetUsers", "Id", ["UserName", "RealName", "DisplayName"]);

    /// <summary>pg_trgm GIN indexes over the lowered searched columns (the lists compare <c>lower(column)</c>).</summary>
    public static readonly (string Table, string Column)[] PostgreSqlColumns =
    [
        ("FundedProjects", "Code"), ("FundedProjects", "Title"), ("FundedProjects", "OriginalLeader_Name"),
        ("ClosureApplications", "ProjectTitle"), ("ClosureApplications", "CurrentLeader_Name"),
        ("SecurityEvents", "Target"), ("SecurityEvents", "Detail"), ("SecurityEvents", "AccountName"), ("SecurityEvents", "ClientAddress"),
        ("AspNetUsers", "UserName"), ("AspNetUsers", "RealName"), ("AspNetUsers", "DisplayName"),
    ];

    public static async Task EnsureAsync(AppDbContext db, ILogger log, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            foreach (var (index, table, key, columns) in SqliteTables)
                await EnsureSqliteAsync(db, log, index, table, key, columns, cancellationToken);
            await EnsureSqliteCopyAsync(db, log, SqliteAccounts, cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS pg_trgm", cancellationToken);
            }
            catch (Npgsql.PostgresException e)
            {
                // A server without the extension (some compatible databases) or an account that may not create it:
                // searches stay right, by scanning.
                log.LogWarning("pg_trgm is not available ({Reason}): list searches run without an index", e.MessageText);
                return;
            }
            // The names below are this class's own constants, never input.
            foreach (var (table, column) in PostgreSqlColumns)
            {
                var create = $"CREATE INDEX IF NOT EXISTS \"IX_{table}_{column}_trgm\" ON \"{table}\" USING gin (lower(\"{column}\") gin_trgm_ops)";
                await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
            }
            // pg_trgm counts only letters and digits of the database's LC_CTYPE: under "C" no Chinese character is one, and
            // Chinese searches (still right) read the whole index.
            var chinese = await db.Database.SqlQueryRaw<int>("SELECT cardinality(show_trgm('巴中市')) AS \"Value\"").SingleAsync(cancellationToken);
            if (chinese == 0)
                log.LogWarning("The database's LC_CTYPE does not class Chinese characters as letters: searches in Chinese are right but not served by the trigram index. Create the database with a UTF-8 LC_CTYPE (e.g. C.UTF-8)");
        }
    }

    private static async Task EnsureSqliteAsync(AppDbContext db, ILogger log, string index, string table, string key, string[] columns, CancellationToken cancellationToken)
    {
        var exists = await TableExistsAsync(db, index, cancellationToken);
        var list = ColumnList(columns);
        var newValues = ColumnList(columns, "new.");
        var oldValues = ColumnList(columns, "old.");
        var insert = $"INSERT INTO \"{index}\"(rowid, {list}) VALUES (new.\"{key}\", {newValues});";
        var delete = $"INSERT INTO \"{index}\"(\"{index}\", rowid, {list}) VALUES ('delete', old.\"{key}\", {oldValues});";
        var create = $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS "{index}" USING fts5({list}, content='{table}', content_rowid='{key}', tokenize='trigram');
            CREATE TRIGGER IF NOT EXISTS "{index}_Insert" AFTER INSERT ON "{table}" BEGIN {insert} END;
            CREATE TRIGGER IF NOT EXISTS "{index}_Delete" AFTER DELETE ON "{table}" BEGIN {delete} END;
            CREATE TRIGGER IF NOT EXISTS "{index}_Update" AFTER UPDATE OF {list} ON "{table}" BEGIN {delete} {insert} END;
            """;
        await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        if (!exists)
        {
            // Rows written before the index existed (a database made by an earlier version, or restored) are indexed once.
            var rebuild = $"INSERT INTO \"{index}\"(\"{index}\") VALUES ('rebuild')";
            await db.Database.ExecuteSqlRawAsync(rebuild, cancellationToken);
            log.LogInformation("Built the search index {Index} over {Table}", index, table);
        }
    }

    /// <summary>
    /// An FTS5 table holding its own copy of the searched columns and the row's key (unindexed), for a table without a
    /// stable integer key. The update trigger fires only when a searched column really changed: Identity's store writes
    /// every column of an account at each sign-in, and the copy's row is found by a scan of the index's own rows.
    /// </summary>
    private static async Task EnsureSqliteCopyAsync(AppDbContext db, ILogger log, (string Index, string Table, string Key, string[] Columns) search, CancellationToken cancellationToken)
    {
        var (index, table, key, columns) = search;
        var exists = await TableExistsAsync(db, index, cancellationToken);
        var list = ColumnList(columns);
        var newValues = ColumnList(columns, "new.");
        var changed = string.Join(" OR ", columns.Select(c => $"old.\"{c}\" IS NOT new.\"{c}\""));
        var insert = $"INSERT INTO \"{index}\"(\"{key}\", {list}) VALUES (new.\"{key}\", {newValues});";
        var delete = $"DELETE FROM \"{index}\" WHERE \"{key}\" = old.\"{key}\";";
        var create = $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS "{index}" USING fts5("{key}" UNINDEXED, {list}, tokenize='trigram');
            CREATE TRIGGER IF NOT EXISTS "{index}_Insert" AFTER INSERT ON "{table}" BEGIN {insert} END;
            CREATE TRIGGER IF NOT EXISTS "{index}_Delete" AFTER DELETE ON "{table}" BEGIN {delete} END;
            CREATE TRIGGER IF NOT EXISTS "{index}_Update" AFTER UPDATE OF "{key}", {list} ON "{table}" WHEN old."{key}" IS NOT new."{key}" OR {changed} BEGIN {delete} {insert} END;
            """;
        await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        if (!exists)
        {
            var fill = $"INSERT INTO \"{index}\"(\"{key}\", {list}) SELECT \"{key}\", {list} FROM \"{table}\"";
            await db.Database.ExecuteSqlRawAsync(fill, cancellationToken);
            log.LogInformation("Built the search index {Index} over {Table}", index, table);
        }
    }

    private static async Task<bool> TableExistsAsync(AppDbContext db, string name, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", name).SingleAsync(cancellationToken) > 0;

    /// <summary>The columns quoted, comma-separated, each after <paramref name="prefix"/> (a trigger's <c>new.</c> or <c>old.</c>).</summary>
    private static string ColumnList(string[] columns, string prefix = "") => string.Join(", ", columns.Select(c => $"{prefix}\"{c}\""));
}
