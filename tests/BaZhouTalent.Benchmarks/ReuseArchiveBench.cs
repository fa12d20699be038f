using System.Diagnostics;
using System.Globalization;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Application.Seeding;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Reuse;
using BaZhouTalent.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Benchmarks;

/// <summary>
/// The 自建库查重 archive at scale: a portal database with <c>reports</c> submitted applications whose reports run to
/// 10,000–30,000 characters (written from the seed's words; one in ten reuses passages of earlier ones; boilerplate
/// sentences in many), then the whole archive fingerprinted the way the <c>reuse-index</c> command does it.
///
///   dotnet run -c Release --project tests/BaZhouTalent.Benchmarks -- reuse-archive /tmp/reuse 20000
/// </summary>
public static class ReuseArchiveBench
{
    public static readonly string SeedReport = ReferenceSeedParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt"))).ReportText;

    public static string ArchivePath(string directory, int reports) => Path.Combine(directory, $"archive-{reports}.db");

    public static string IndexedPath(string directory, int reports) => Path.Combine(directory, $"indexed-{reports}.db");

    public static SqliteAppDbContext Open(string path) => new(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={path}", DatabaseSetup.SqliteOptions)
        .AddInterceptors(SqliteConnectionTuning.Instance)
        .Options);

    /// <summary>The report of application <paramref name="index"/>: its own text, and for one in ten passages of earlier ones.</summary>
    public static string Report(int index)
    {
        var random = new Random(index);
        var text = ReuseCorpus.Essay(SeedReport, random.Next(10_000, 30_001), index);
        if (index % 10 != 9 || index < 10)
            return text;
        var paragraphs = text.Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var source = ReuseCorpus.Essay(SeedReport, 2_000, random.Next(index));
            var length = random.Next(50, 400);
            var start = random.Next(0, source.Length - length);
            paragraphs.Insert(random.Next(paragraphs.Count), ReuseCorpus.Disguise(random, source.Substring(start, length).Replace("\n", "", StringComparison.Ordinal)));
        }
        return string.Join('\n', paragraphs);
    }

    public static async Task PrepareAsync(string directory, int reports)
    {
        var path = ArchivePath(directory, reports);
        if (File.Exists(path))
            return;
        Directory.CreateDirectory(directory);
        var building = path + ".building";
        File.Delete(building);
        var watch = Stopwatch.StartNew();
        await using (var db = Open(building))
        {
            await db.Database.MigrateAsync();
            var region = new Region { Name = "巴州区", SortOrder = 1 };
            var unit = new Unit { Name = "中共巴中市巴州区委党校", Region = region };
            var category = new ProjectCategory { Code = "YB", Name = "一般课题", SortOrder = 1 };
            db.AddRange(region, unit, category);
            await db.SaveChangesAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            long characters = 0;
            for (var start = 0; start < reports; start += 500)
            {
                for (var i = start; i < Math.Min(reports, start + 500); i++)
                {
                    var year = 2016 + i % 10;
                    var project = new FundedProject
                    {
                        Code = $"BZ{year % 100:00}YB{i:00000}", Title = $"巴中市发展研究（{i}）", Year = year,
                        CategoryId = category.Id, UnitId = unit.Id, PlannedCompletion = new DateOnly(year + 1, 6, 30),
                        OriginalLeader = new PersonDetails { Name = $"研究者{i}" },
                    };
                    var application = ClosureApplication.StartFor(project, DateTimeOffset.UtcNow);
                    var report = Report(i);
                    characters += report.Length;
                    var content = ApplicationSnapshot.Capture(application) with { ReportText = report };
                    var json = ApplicationSnapshot.ToJson(content);
                    application.Revisions.Add(new ApplicationRevision
                    {
                        Round = 1, SubmittedAt = DateTimeOffset.UtcNow, SubmittedByUserId = "", Content = json,
                        Fingerprint = ApplicationSnapshot.FingerprintOf(json),
                    });
                    db.FundedProjects.Add(project);
                    db.ClosureApplications.Add(application);
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                Console.WriteLine($"archive: {Math.Min(reports, start + 500)} reports, {characters:N0} characters, {watch.Elapsed.TotalSeconds:F0} s");
            }
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
    }

    /// <summary>Fingerprints a copy of the archive as the command does, and reports time, sizes and memory.</summary>
    public static async Task IndexAsync(string directory, int reports)
    {
        var archive = ArchivePath(directory, reports);
        var indexed = IndexedPath(directory, reports);
        File.Copy(archive, indexed, overwrite: true);
        foreach (var extra in new[] { "-wal", "-shm" })
            File.Delete(indexed + extra);

        await using var db = Open(indexed);
        var before = await PagesAsync(db);
        var textBytes = 0L;
        var textCharacters = 0L;
        var cpu = Stopwatch.StartNew();
        var contents = await db.ApplicationRevisions.Select(r => r.Content).ToListAsync();
        var read = cpu.Elapsed;
        var fingerprintCount = 0L;
        foreach (var content in contents)
        {
            var text = RoundReports.TextOf(content) ?? "";
            textCharacters += text.Length;
            textBytes += System.Text.Encoding.UTF8.GetByteCount(text);
            fingerprintCount += ReuseFingerprints.Winnow(ReuseFingerprints.KGramHashes(ReuseText.Of(text, new ReuseOptions().Headings).Characters)).Count;
        }
        Console.WriteLine($"(reading the revisions {read.TotalSeconds:F1} s; parsing, normalising and winnowing them {(cpu.Elapsed - read).TotalSeconds:F1} s, {fingerprintCount:N0} fingerprints — measured apart, before the indexing run)");
        contents = null;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];

        var clock = TimeProvider.System;
        var options = Options.Create(new ReuseOptions());
        var store = new ReuseStore(db, clock, options);
        var archiveJob = new ReuseArchive(db, store, new JobLeases(db, clock, new WorkerIdentity()), clock, options, NullLogger<ReuseArchive>.Instance);
        var watch = Stopwatch.StartNew();
        var progress = await archiveJob.IndexAllAsync(5_000,
            total => Console.WriteLine($"index: {total} reports, {watch.Elapsed.TotalSeconds:F1} s"), CancellationToken.None);
        watch.Stop();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var after = await PagesAsync(db);
        var rows = await db.ReuseFingerprints.LongCountAsync();
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[..3];

        Console.WriteLine($"reports indexed: {progress.Indexed:N0} in {watch.Elapsed.TotalSeconds:F1} s (load average before {string.Join(" ", load)}, after {string.Join(" ", loadAfter)})");
        Console.WriteLine($"report text: {textCharacters:N0} characters, {textBytes / 1048576.0:F0} MiB as UTF-8");
        Console.WriteLine($"fingerprints: {rows:N0} rows ({rows / (double)progress.Indexed:F0} per report); index growth {(after - before) / 1048576.0:F0} MiB = {(after - before) * 100.0 / textBytes:F0} % of the text's UTF-8 size");
        Console.WriteLine($"memory: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB, allocated while indexing {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:F0} MiB");
    }

    private static async Task<long> PagesAsync(SqliteAppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
