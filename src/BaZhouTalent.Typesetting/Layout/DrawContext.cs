using BaZhouTalent.Typesetting.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>A text draw call as made, recorded for the benchmark's direct-PDFsharp baseline.</summary>
internal sealed record DrawnText(int Page, string Text, string FaceKey, double Size, bool Bold, double X, double Y);

/// <summary>One page's graphics plus the document's font and pen caches.</summary>
internal sealed class DrawContext(XGraphics graphics, FontCache fonts, int page = 0, List<DrawnText>? recorder = null)
{
    private readonly Dictionary<double, XPen> _pens = [];

    public XGraphics Graphics { get; } = graphics;

    /// <summary>Draws text at a baseline position, recording the call when a recorder is attached.</summary>
    public void DrawText(string text, TrueTypeFace face, TextStyle style, double x, double baseline)
    {
        Graphics.DrawString(text, Font(face, style), Ink, x, baseline, XStringFormats.BaseLineLeft);
        recorder?.Add(new DrawnText(page, text, face.Key, style.Size, style.Bold, x, baseline));
    }

    public XBrush Ink { get; } = XBrushes.Black;

    public XFont Font(TrueTypeFace face, TextStyle style) => fonts.Get(face, style);

    public XPen Pen(double width)
    {
        if (!_pens.TryGetValue(width, out var pen))
            _pens[width] = pen = new XPen(XColors.Black, width);
        return pen;
    }
}

/// <summary>XFont objects for one document: creating them is costly, and a document uses only a handful.</summary>
internal sealed class FontCache
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(string, double, bool), XFont> _fonts = [];

    public XFont Get(TrueTypeFace face, TextStyle style)
    {
        var key = (face.Key, style.Size, style.Bold);
        if (!_fonts.TryGetValue(key, out var font))
            _fonts[key] = font = new XFont(face.Key, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
        return font;
    }
}
