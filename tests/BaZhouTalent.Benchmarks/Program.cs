using BaZhouTalent.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["samples", var directory])
{
    Samples.Write(directory);
    return;
}

if (args is ["reuse-archive", var reuseDirectory, var reuseReports])
{
    // 自建库查重 at scale: build the archive once, then fingerprint a copy of it as the reuse-index command does.
    var count = int.Parse(reuseReports, System.Globalization.CultureInfo.InvariantCulture);
    await ReuseArchiveBench.PrepareAsync(reuseDirectory, count);
    await ReuseArchiveBench.IndexAsync(reuseDirectory, count);
    return;
}

if (args is ["quick"])
{
    // A rough in-process comparison for development; BenchmarkDotNet's figures are the ones to record.
    var bench = new RenderBenchmarks();
    bench.Setup();
    foreach (var (name, run) in new (string, Func<object>)[] { ("a4", bench.A4), ("baseline", bench.Baseline), ("layout", () => bench.LayoutOnly()), ("a4 again", bench.A4), ("baseline again", bench.Baseline) })
    {
        for (var i = 0; i < 3; i++) run();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) run();
        Console.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds / 10:F1} ms");
    }
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
