using BaZhouTalent.Typesetting;

namespace BaZhouTalent.Benchmarks;

/// <summary>
/// Writes the seed's PDFs for docs/print-samples (rendered to PNG with pdftoppm afterwards):
/// <c>dotnet run -c Release --project tests/BaZhouTalent.Benchmarks -- samples /tmp/samples</c>.
/// </summary>
internal static class Samples
{
    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var model = SeedModel.Load();
        var a4 = PrintService.RenderA4(model);
        File.WriteAllBytes(Path.Combine(directory, "seed-a4.pdf"), a4);
        File.WriteAllBytes(Path.Combine(directory, "seed-a3-booklet.pdf"), PrintService.RenderA3Booklet(model));
        File.WriteAllBytes(Path.Combine(directory, "seed-report.pdf"), PrintService.RenderReport(model));
        Console.WriteLine($"A4 application: {a4.Length:N0} bytes");
    }
}
