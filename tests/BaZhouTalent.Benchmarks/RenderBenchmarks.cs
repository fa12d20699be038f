using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.UnitTests.Typesetting;
using BenchmarkDotNet.Attributes;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BaZhouTalent.Benchmarks;

/// <summary>
/// The seed application through the layout layer (compose, break lines, paginate, draw) against a baseline
/// that draws the very same text runs, at the very same positions, with PDFsharp directly. The ratio is the
/// cost of the layout layer; the goal is at most 1.5×. Both end with the finishing pass (PDF/A-2b, zlib
/// trailers), measured alone too.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private ApplicationPrintModel _model = null!;
    private List<DrawnText> _lines = null!;
    private byte[] _saved = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = SeedPrint.Model();
        _lines = [];
        // Warm the bundled fonts once, as a running web process has them.
        _saved = new ClosureFormDocument(_model).RenderA4(_lines);
    }

    [Benchmark(Baseline = true, Description = "Baseline: PDFsharp draws pre-positioned text")]
    public byte[] Baseline()
    {
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = true;
        var fonts = new Dictionary<(string, double, bool), XFont>();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var pageCount = _lines.Max(l => l.Page) + 1;
        var index = 0;
        for (var p = 0; p < pageCount; p++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(595.28);
            page.Height = XUnit.FromPoint(841.89);
            using var graphics = XGraphics.FromPdfPage(page);
            for (; index < _lines.Count && _lines[index].Page == p; index++)
            {
                var line = _lines[index];
                if (!fonts.TryGetValue((line.FaceKey, line.Size, line.Bold), out var font))
                    fonts[(line.FaceKey, line.Size, line.Bold)] = font = new XFont(line.FaceKey, line.Size, line.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
                graphics.DrawString(line.Text, font, XBrushes.Black, line.X, line.Y, XStringFormats.BaseLineLeft);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        // Every PDF the portal sends gets the finishing pass, so the baseline pays it too.
        return PdfFinisher.Finish(stream.ToArray());
    }

    [Benchmark(Description = "Finishing pass alone: PDF/A-2b and zlib trailers over the seed's A4")]
    public byte[] Finisher() => PdfFinisher.Finish(_saved);

    [Benchmark(Description = "Layout layer: seed application, A4")]
    public byte[] A4() => PrintService.RenderA4(_model);

    [Benchmark(Description = "Layout layer: seed application, A3 booklet")]
    public byte[] A3Booklet() => PrintService.RenderA3Booklet(_model);

    [Benchmark(Description = "Layout only: compose and paginate, no drawing")]
    public int LayoutOnly() => new ClosureFormDocument(_model).Paginate();
}
