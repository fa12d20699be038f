// Compresses every page saved by tools/compression/run.sh at the levels the portal could choose, the way
// ResponseCompression does (one stream per response), and prints per level: total bytes, pages where it is the smallest
// of the two codecs, and the CPU time per page. Run: dotnet run -c Release tools/compression/measure.cs -- DIR
using System.Diagnostics;
using System.IO.Compression;

var dir = args.Length > 0 ? args[0] : "/tmp/bzcompression/pages";
var pages = Directory.GetFiles(dir, "*.html").Order().Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
var levels = new (string Name, Func<Stream, Stream> Open)[]
{
    ("brotli Fastest", s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true)),
    ("brotli Optimal", s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)),
    ("gzip Fastest", s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)),
    ("gzip Optimal", s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)),
};

long Compress(byte[] page, Func<Stream, Stream> open)
{
    using var output = new MemoryStream();
    using (var z = open(output))
        z.Write(page);
    return output.Length;
}

const int Repeats = 200;
var sizes = levels.ToDictionary(l => l.Name, l => pages.Select(p => Compress(p.Bytes, l.Open)).ToArray());
Console.WriteLine($"{pages.Count} pages, {pages.Sum(p => p.Bytes.Length) / 1024.0:F1} KiB uncompressed; {Repeats} repeats per page and level");
Console.WriteLine("| level | total | per page (median) | CPU per page (mean) | pages where brotli < gzip at the same level |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var (name, open) in levels)
{
    foreach (var p in pages) Compress(p.Bytes, open); // warm-up
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < Repeats; i++)
        foreach (var p in pages) Compress(p.Bytes, open);
    var perPage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / Repeats / pages.Count;
    var median = sizes[name].Order().ElementAt(pages.Count / 2);
    var versus = name.StartsWith("brotli")
        ? $"{pages.Where((_, i) => sizes[name][i] < sizes[name.Replace("brotli", "gzip")][i]).Count()} of {pages.Count}"
        : "";
    Console.WriteLine($"| {name} | {sizes[name].Sum() / 1024.0:F1} KiB | {median / 1024.0:F1} KiB | {perPage:F0} µs | {versus} |");
}
Console.WriteLine();
Console.WriteLine("| page | bytes | " + string.Join(" | ", levels.Select(l => l.Name)) + " |");
Console.WriteLine("|---|---|" + string.Concat(levels.Select(_ => "---|")));
for (var i = 0; i < pages.Count; i++)
    Console.WriteLine($"| {pages[i].Name} | {pages[i].Bytes.Length} | " + string.Join(" | ", levels.Select(l => sizes[l.Name][i])) + " |");
