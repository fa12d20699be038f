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

if (args is ["reuse-check", var runs])
{
    // The check timed by hand beside BenchmarkDotNet: wall and CPU time per check (CPU time says what a busy machine hides).
    var bench = new ReuseCheckBenchmarks();
    bench.Setup();
    var process = System.Diagnostics.Process.GetCurrentProcess();
    var walls = new List<double>();
    var cpus = new List<double>();
    for (var i = -2; i < int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sources = await bench.CheckOne();
        watch.Stop();
        process.Refresh();
        if (i < 0) continue; // warm-up
        walls.Add(watch.Elapsed.TotalMilliseconds);
        cpus.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        Console.WriteLine($"check {i + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {cpus[^1]:F0} ms CPU, {sources} sources, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    Console.WriteLine($"median of {walls.Count}: {Median(walls):F0} ms wall, {Median(cpus):F0} ms CPU; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
    bench.Cleanup();
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
