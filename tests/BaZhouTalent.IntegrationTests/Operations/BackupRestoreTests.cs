using System.Net;
using System.Security.Cryptography;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Backups;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Operations;

/// <summary>
/// The restore drill: a backup taken with the command while a unit reviewer signs applications and a researcher uploads
/// files, restored with the command into a new place and started there, holds every application, history row, opinion,
/// file and account as they were at one moment; a backup with one byte changed is refused and nothing is restored.
/// </summary>
public class BackupRestoreTests : IDisposable
{
    private const int Applications = 12;
    private const int Uploads = 12;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-tests", "backup-" + Guid.NewGuid().ToString("N"));
    private readonly List<TestDatabase> databases = [];

    /// <summary>The engine these tests run on (a subclass runs them on PostgreSQL).</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [SkippableFact]
    public async Task A_backup_taken_while_applications_are_signed_and_files_uploaded_restores_into_a_new_place_as_of_its_moment()
    {
        var live = NewDatabase("live");
        using var portal = new PortalFactory { SharedDatabase = live };
        var codes = Enumerable.Range(1, Applications).Select(i => $"BZ25BK{i:000}").ToList();
        foreach (var code in codes)
        {
            await RegisterProjectAsync(portal, code, PartySchoolBazhou);
            await SubmitAsync(portal, code);
        }
        var unit = await SignInAsync(portal, "unit.bzdx");
        var researcher = await Researchers.SignInAsync(portal);

        // Signing and uploading go on while the backup is taken.
        var signed = 0;
        var uploaded = 0;
        using var started = new SemaphoreSlim(0);
        var signing = Task.Run(async () =>
        {
            foreach (var code in codes)
            {
                await ActOkAsync(unit, code, "unit", Opinion(text: $"同意报送{code}。"));
                if (Interlocked.Increment(ref signed) == 1) started.Release();
            }
        });
        var uploading = Task.Run(async () =>
        {
            for (var i = 0; i < Uploads; i++)
            {
                await AttachmentTests.UploadOkAsync(researcher, Researchers.Code, AttachmentKind.Other, true, $"佐证{i}.pdf",
                    AttachmentTests.Pdf($"backup drill {i}", 40_000 + i));
                if (Interlocked.Increment(ref uploaded) == 1) started.Release();
            }
        });
        await started.WaitAsync();
        await started.WaitAsync();
        var backups = Path.Combine(folder, "backups");
        var (backedUp, backupOutput) = await PortalProcess.RunCommandAsync(live, Path.Combine(folder, "live"), null, "backup", "--to", backups);
        await Task.WhenAll(signing, uploading);
        Assert.True(backedUp == 0, backupOutput);
        var backup = Assert.Single(Directory.GetDirectories(backups));
        var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);

        var target = NewDatabase("restored");
        var (restored, restoreOutput) = await PortalProcess.RunCommandAsync(target, Path.Combine(folder, "restored"), null, "restore", "--from", backup);
        Assert.True(restored == 0, restoreOutput);
        Assert.Contains("恢复完成", restoreOutput);

        await using (var now = live.Open())
        await using (var copy = target.Open())
        {
            // The manifest's counts are the restored database's.
            foreach (var (table, rows) in manifest.Rows.Where(t => t.Key is "ClosureApplications" or "AuditEntries" or "ReviewOpinions" or "Attachments" or "AspNetUsers"))
                Assert.True(rows == await CountAsync(copy, table), $"{table}: manifest {rows}");
            // Accounts did not change meanwhile: all equal.
            Assert.Equal(await AccountsAsync(now), await AccountsAsync(copy));
            // Rows are never changed once written: each restored one is the live one, and the live ones added after the
            // backup come after every restored one (the backup is one moment, not a mix of before and after).
            await AssertPrefixAsync(now.AuditEntries.OrderBy(h => h.Id).Select(h => new { h.Id, h.ApplicationId, h.Action, h.ToStatus, h.At }),
                copy.AuditEntries.OrderBy(h => h.Id).Select(h => new { h.Id, h.ApplicationId, h.Action, h.ToStatus, h.At }));
            await AssertPrefixAsync(now.ReviewOpinions.OrderBy(o => o.Id).Select(o => new { o.Id, o.ApplicationId, o.OpinionText, o.SignedAt }),
                copy.ReviewOpinions.OrderBy(o => o.Id).Select(o => new { o.Id, o.ApplicationId, o.OpinionText, o.SignedAt }));
            await AssertPrefixAsync(now.Attachments.OrderBy(f => f.Id).Select(f => new { f.Id, f.StorageKey, f.Sha256, f.FileName }),
                copy.Attachments.OrderBy(f => f.Id).Select(f => new { f.Id, f.StorageKey, f.Sha256, f.FileName }));
            // Each application's state is the one its own history reached in the same copy.
            foreach (var application in await copy.ClosureApplications.AsNoTracking().Include(a => a.History).Where(a => a.History.Any()).ToListAsync())
                Assert.Equal(application.History.OrderBy(h => h.Id).Last().ToStatus, application.Status);
            Assert.Equal(Applications, await copy.ReviewOpinions.CountAsync(o => o.OpinionText.StartsWith("同意报送")) + await copy.ClosureApplications
                .CountAsync(a => a.Status == ApplicationStatus.UnitReview && a.Project.Code.StartsWith("BZ25BK")));
        }

        // Started in its new place, the portal serves the restored files, each with the bytes it had.
        using var again = PortalProcess.Start(target, Path.Combine(folder, "restored"));
        Assert.True(await again.WaitUntilHealthyAsync(), again.Output);
        var browser = again.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("yangzhuo", Researchers.DemoPassword)).Status);
        await using var restoredDb = target.Open();
        var files = await restoredDb.Attachments.AsNoTracking()
            .Where(f => restoredDb.ClosureApplications.Any(a => a.Id == f.ApplicationId && a.Project.Code == Researchers.Code)).ToListAsync();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var download = await browser.Client.GetAsync($"/applications/{Researchers.Code}/attachments/{file.Id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
        }
    }

    [SkippableFact]
    public async Task A_backup_with_one_byte_changed_is_refused_and_nothing_is_restored()
    {
        var live = NewDatabase("live");
        using (var portal = new PortalFactory { SharedDatabase = live })
        {
            var researcher = await Researchers.SignInAsync(portal);
            await AttachmentTests.UploadOkAsync(researcher, Researchers.Code, AttachmentKind.Other, true, "佐证.pdf", AttachmentTests.Pdf("damage", 20_000));
        }
        var backups = Path.Combine(folder, "backups");
        var (backedUp, output) = await PortalProcess.RunCommandAsync(live, Path.Combine(folder, "live"), null, "backup", "--to", backups);
        Assert.True(backedUp == 0, output);
        var backup = Assert.Single(Directory.GetDirectories(backups));
        var database = Path.Combine(backup, Provider == DatabaseProvider.PostgreSql ? PortalBackup.PostgreSqlFile : PortalBackup.SqliteFile);
        var bytes = await File.ReadAllBytesAsync(database);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(database, bytes);

        var target = NewDatabase("restored");
        var (restored, refusal) = await PortalProcess.RunCommandAsync(target, Path.Combine(folder, "restored"), null, "restore", "--from", backup);

        Assert.Equal(3, restored);
        Assert.Contains("恢复被拒绝：备份已损坏：文件 " + Path.GetFileName(database), refusal);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            await using var empty = target.Open();
            Assert.Empty(await empty.Database.GetAppliedMigrationsAsync());
        }
        else
        {
            // Nothing but the command's own log: no database file, no attachment folder, no half-restored leftovers.
            Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.Combine(folder, "restored")), e => Path.GetFileName(e) != "logs");
        }
    }

    private TestDatabase NewDatabase(string name)
    {
        var place = Path.Combine(folder, name);
        Directory.CreateDirectory(place);
        var database = TestDatabase.New(Provider, place);
        databases.Add(database);
        return database;
    }

    private static async Task<long> CountAsync(AppDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> AccountsAsync(AppDbContext db) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.UserName, u.PasswordHash, u.SecurityStamp }).ToListAsync())
        .Select(u => $"{u.Id}|{u.UserName}|{u.PasswordHash}|{u.SecurityStamp}").ToList();

    private static async Task AssertPrefixAsync<T>(IQueryable<T> live, IQueryable<T> restored)
    {
        var now = await live.ToListAsync();
        var copy = await restored.ToListAsync();
        Assert.NotEmpty(copy);
        Assert.True(copy.Count <= now.Count);
        Assert.Equal(now.Take(copy.Count), copy);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var database in databases) database.Drop();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The restore drill on PostgreSQL: pg_dump of one snapshot, files in the database.</summary>
public sealed class BackupRestoreOnPostgreSqlTests : BackupRestoreTests
{
    protected override DatabaseProvider Provider => PostgreSqlServer.Checked(DatabaseProvider.PostgreSql);
}
