using BaZhouTalent.Typesetting.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>One page's graphics plus the document's font and pen caches.</summary>
internal sealed class DrawContext(XGraphics graphics, FontCache fonts)
{
    private readonly Dictionary<double, XPen> _pens = [];

    public XGraphics Graphics { get; } = graphics;

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
