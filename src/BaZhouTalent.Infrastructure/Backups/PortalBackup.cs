using System.Data;
using System.Diagnostics;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BaZhouTalent.Infrastructure.Backups;

/// <summary>
/// One consistent copy of the database and the files, and its way back. SQLite: the online backup API copies the
/// database as of one moment while the portal runs, and the attachment folder is copied around it (files are never
/// changed once written, and every file the copied database names is checked to be there). PostgreSQL: pg_dump of one
/// exported snapshot, in which the rows are also counted; the files are rows of the same dump. SQL Server is backed up
/// with its own BACKUP DATABASE (see the README). Restore checks every hash and the schema first, writes only into a
/// new, empty place, and moves the result into place only once it is whole.
/// </summary>
public sealed class PortalBackup(
    AppDbContext db,
    IFileStore fileStore,
    IOptions<BackupOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<PortalBackup> log)
{
    public const string SqliteFile = "database.sqlite";
    public const string PostgreSqlFile = "database.pgdump";
    public const string AttachmentsFolder = "attachments";
    private const string Partial = ".partial";

    /// <summary>Takes a backup into a new folder inside <paramref name="into"/> (default <see cref="BackupOptions.Directory"/>) and records it.</summary>
    public async Task<BackupRun> RunAsync(string? into, string trigger, CancellationToken cancellationToken)
    {
        var run = new BackupRun { StartedAt = clock.GetUtcNow(), Trigger = trigger };
        try
        {
            var (folder, manifest) = await CreateAsync(into, cancellationToken);
            run.Succeeded = true;
            run.Location = folder;
            run.Files = manifest.Files.Count;
            run.Bytes = manifest.Files.Sum(f => f.Bytes);
            run.Message = $"共 {manifest.Rows.Values.Sum()} 行数据、{manifest.Files.Count} 个文件";
            log.LogInformation("Backup {Folder} taken: {Files} files, {Bytes} bytes", folder, run.Files, run.Bytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Message = e.GetBaseException().Message;
            log.LogError(e, "Backup failed");
        }
        run.FinishedAt = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        db.BackupRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    public async Task<(string Folder, BackupManifest Manifest)> CreateAsync(string? into, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(into ?? options.Value.Directory, environment.ContentRootPath);
        var name = $"bazhoutalent-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var partial = Path.Combine(target, name + Partial);
        Directory.CreateDirectory(partial);
        try
        {
            var rows = db.Database.IsSqlite() ? await BackUpSqliteAsync(partial, cancellationToken)
                : db.Database.IsNpgsql() ? await BackUpPostgreSqlAsync(partial, cancellationToken)
                : throw new NotSupportedException("SQL Server is backed up with BACKUP DATABASE, with the Attachments:Root folder beside it (see the README).");
            var files = new List<BackupFile>();
            foreach (var file in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                files.Add(await BackupManifest.DescribeAsync(partial, Path.GetRelativePath(partial, file), cancellationToken));
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), ProviderName,
                (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Last(), rows, files);
            await manifest.WriteAsync(partial, cancellationToken);
            var folder = Path.Combine(target, name);
            Directory.Move(partial, folder);
            return (folder, manifest);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>
    /// Restores a backup into the configured database and file store, which must be new and empty. Everything is
    /// checked before anything is written; a refusal (<see cref="BackupRefusedException"/>) leaves nothing behind.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string from, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(from, environment.ContentRootPath);
        var manifest = await BackupManifest.ReadAsync(folder, cancellationToken);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (!File.Exists(path))
                throw new BackupRefusedException($"备份不完整：缺少文件 {file.Path}，未恢复任何内容。");
            if ((await BackupManifest.DescribeAsync(folder, file.Path, cancellationToken)).Sha256 != file.Sha256)
                throw new BackupRefusedException($"备份已损坏：文件 {file.Path} 的 SHA-256 与清单不符，未恢复任何内容。");
        }
        if (manifest.Provider != ProviderName)
            throw new BackupRefusedException($"这是 {manifest.Provider} 数据库的备份，当前配置的是 {ProviderName}，未恢复任何内容。");
        if (!db.Database.GetMigrations().Contains(manifest.SchemaVersion))
            throw new BackupRefusedException($"备份来自更新版本的门户（数据库结构 {manifest.SchemaVersion}），请先升级门户再恢复；未恢复任何内容。");

        if (db.Database.IsSqlite()) await RestoreSqliteAsync(folder, manifest, cancellationToken);
        else await RestorePostgreSqlAsync(folder, manifest, cancellationToken);
        log.LogInformation("Backup {Folder} restored ({Rows} rows)", folder, manifest.Rows.Values.Sum());
        return manifest;
    }

    private string ProviderName => db.Database.IsSqlite() ? "Sqlite" : db.Database.IsNpgsql() ? "PostgreSql" : "SqlServer";

    private async Task<IReadOnlyDictionary<string, long>> BackUpSqliteAsync(string partial, CancellationToken cancellationToken)
    {
        var root = (fileStore as LocalFileStore)?.Root;
        var attachments = Path.Combine(partial, AttachmentsFolder);
        // Files first (every file written until now), the database as of one moment, then the files written meanwhile.
        if (root is not null) CopyFiles(root, attachments);
        var copy = Path.Combine(partial, SqliteFile);
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await source.OpenAsync(cancellationToken);
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
        }
        if (root is not null) CopyFiles(root, attachments);

        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await backup.OpenAsync(cancellationToken);
        var missing = (await ReadKeysAsync(backup, cancellationToken)).Where(key => !File.Exists(Path.Combine(attachments, key[..2], key[2..] + ".bin"))).ToList();
        if (missing.Count > 0)
            throw new IOException($"{missing.Count} stored files named by the database are missing from the attachment folder (first: {missing[0]}).");
        return await CountRowsAsync(backup, null, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, long>> BackUpPostgreSqlAsync(string partial, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        // pg_dump reads the snapshot this transaction exported, so the counts and the dump are of the same moment.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var rows = await CountRowsAsync(connection, transaction, cancellationToken);
        await RunToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}",
            $"--file={Path.Combine(partial, PostgreSqlFile)}"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private async Task RestoreSqliteAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var target = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        target = Path.GetFullPath(target, environment.ContentRootPath);
        if (File.Exists(target))
            throw new BackupRefusedException($"目标位置已有数据库 {target}：恢复只写入新的、空的位置，未恢复任何内容。");
        var root = (fileStore as LocalFileStore)?.Root;
        if (root is not null && Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            throw new BackupRefusedException($"目标附件目录 {root} 不是空的，未恢复任何内容。");

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var restoring = target + ".restoring";
        var restoringFiles = (root ?? target) + ".restoring-files";
        try
        {
            File.Copy(Path.Combine(folder, SqliteFile), restoring, overwrite: true);
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = restoring, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(cancellationToken);
                CheckRows(manifest, await CountRowsAsync(copy, null, cancellationToken));
            }
            CopyFiles(Path.Combine(folder, AttachmentsFolder), restoringFiles);
            if (root is not null && Directory.Exists(restoringFiles))
            {
                if (Directory.Exists(root)) Directory.Delete(root);
                Directory.CreateDirectory(Path.GetDirectoryName(root)!);
                Directory.Move(restoringFiles, root);
            }
            File.Move(restoring, target, overwrite: false);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(restoring)) File.Delete(restoring);
            TryDelete(restoringFiles);
        }
    }

    private async Task RestorePostgreSqlAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using (var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection))
        {
            if ((long)(await tables.ExecuteScalarAsync(cancellationToken))! > 0)
                throw new BackupRefusedException($"目标数据库 {connection.Database} 不是空的：恢复只写入新的、空的数据库，未恢复任何内容。");
        }
        // One transaction: a failure part-way leaves the database as empty as it was.
        await RunToolAsync("pg_restore", ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges",
            $"--dbname={connection.Database}", Path.Combine(folder, PostgreSqlFile)], cancellationToken);
        CheckRows(manifest, await CountRowsAsync(connection, null, cancellationToken));
    }

    private static void CheckRows(BackupManifest manifest, IReadOnlyDictionary<string, long> restored)
    {
        var different = manifest.Rows.Where(t => restored.GetValueOrDefault(t.Key, -1) != t.Value).Select(t => t.Key).ToList();
        if (different.Count > 0)
            throw new BackupRefusedException($"备份与清单不符：{string.Join("、", different)} 的行数不同，未恢复任何内容。");
    }

    /// <summary>Rows per table of the model (and the migrations history), counted on <paramref name="connection"/>.</summary>
    private async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Append("__EFMigrationsHistory")
            .Distinct().Order(StringComparer.Ordinal);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        return rows;
    }

    private static async Task<List<string>> ReadKeysAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"StorageKey\" FROM \"{nameof(AppDbContext.Attachments)}\" UNION SELECT \"StorageKey\" FROM \"{nameof(AppDbContext.ImportedReports)}\"";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (reader.GetString(0) is { Length: 32 } key) keys.Add(key);
        return keys;
    }

    /// <summary>Copies the store's files that the destination lacks (files never change once written; temporaries are skipped).</summary>
    private static void CopyFiles(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*.bin", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            if (File.Exists(copy)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            try { File.Copy(file, copy); }
            catch (FileNotFoundException) { /* deleted meanwhile: then no row names it either */ }
        }
    }

    /// <summary>Runs pg_dump or pg_restore against the configured database (its password through PGPASSWORD, never the command line).</summary>
    private async Task RunToolAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var program = string.IsNullOrWhiteSpace(options.Value.PostgreSqlTools) ? tool : Path.Combine(options.Value.PostgreSqlTools, tool);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        if (!string.IsNullOrEmpty(connection.Password)) start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start) ?? throw new IOException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
            throw new IOException($"{tool} failed ({process.ExitCode}): {error.Trim()}");
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover partial folder is named .partial and never restored */ }
    }
}
