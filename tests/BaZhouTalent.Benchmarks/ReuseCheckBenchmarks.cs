using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.Infrastructure.Reuse;
using BaZhouTalent.Tests.Shared;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Benchmarks;

/// <summary>
/// One 30,000-character report checked against the indexed archive (<see cref="ReuseArchiveBench"/>; set
/// <c>REUSE_BENCH_DIR</c> and <c>REUSE_BENCH_REPORTS</c>, default /tmp/bazhou-reuse and 20,000): normalisation, the
/// k-gram lookups in the fingerprint table, the common-text rule, the candidates' texts and the comparison — all a
/// check does but saving its few result rows. The report reuses passages of five archived reports.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReuseCheckBenchmarks
{
    private SqliteAppDbContext db = null!;
    private ReuseStore store = null!;
    private ReuseText report = null!;
    private readonly ReuseOptions options = new();

    public static string Directory => Environment.GetEnvironmentVariable("REUSE_BENCH_DIR") ?? "/tmp/bazhou-reuse";

    public static int Reports => int.TryParse(Environment.GetEnvironmentVariable("REUSE_BENCH_REPORTS"), out var n) ? n : 20_000;

    [GlobalSetup]
    public void Setup()
    {
        var path = ReuseArchiveBench.IndexedPath(Directory, Reports);
        if (!File.Exists(path))
            throw new InvalidOperationException($"Index the archive first: reuse-archive {Directory} {Reports}");
        db = ReuseArchiveBench.Open(path);
        store = new ReuseStore(db, TimeProvider.System, Options.Create(options));
        var random = new Random(30_000);
        var paragraphs = ReuseCorpus.Essay(ReuseArchiveBench.SeedReport, 30_000, 424242).Split('\n').ToList();
        foreach (var source in new[] { 17, 4_242, 9_001, 13_337, 19_998 }.Where(i => i < Reports))
        {
            var text = ReuseArchiveBench.Report(source);
            var start = random.Next(0, text.Length - 400);
            paragraphs.Insert(random.Next(paragraphs.Count), ReuseCorpus.Disguise(random, text.Substring(start, 300).Replace("\n", "", StringComparison.Ordinal)));
        }
        var joined = string.Join('\n', paragraphs);
        report = ReuseText.Of(joined.Length > 30_000 ? joined[..30_000] : joined, options.Headings);
        // Warm the page cache as a running portal's would be.
        _ = db.ReuseFingerprints.Count();
    }

    [GlobalCleanup]
    public void Cleanup() => db.Dispose();

    [Benchmark(Description = "Check one 30,000-character report against the archive")]
    public async Task<int> CheckOne()
    {
        var result = await ReuseComparison.RunAsync(report, store.ViewFor(-1), options, CancellationToken.None);
        db.ChangeTracker.Clear();
        return result.Sources.Count;
    }
}
