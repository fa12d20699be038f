namespace BaZhouTalent.Typesetting.Layout;

/// <summary>Horizontal alignment of a paragraph's lines.</summary>
internal enum TextAlign
{
    /// <summary>Lines fill the measure; the last line is set flush left.</summary>
    Justify,
    Left,
    Center,
    Right,
    /// <summary>Every line, the last included, fills the measure (Word's 分散对齐, used for form labels).</summary>
    Distribute,
}

/// <summary>
/// Paragraph settings; <see cref="LineHeight"/> is the fixed line pitch that keeps text on the grid, and
/// <see cref="LeftIndent"/> moves every line in (signature blocks that start mid-column).
/// </summary>
internal sealed record ParagraphFormat(
    double LineHeight,
    TextAlign Align = TextAlign.Justify,
    double FirstLineIndent = 0,
    double SpaceBefore = 0,
    double SpaceAfter = 0,
    bool KeepWithNext = false,
    double LeftIndent = 0);

/// <summary>A text block: shaped atoms broken into lines at the column width, splittable between lines.</summary>
internal sealed class Paragraph : IElement
{
    private const double Epsilon = 0.01;
    private readonly Paragraph? _origin;
    private readonly int _firstLine;
    private List<LineSpan>? _lines;
    private double _linesWidth = double.NaN;

    public Paragraph(List<Atom> atoms, ParagraphFormat format)
    {
        Atoms = atoms;
        Format = format;
    }

    private Paragraph(Paragraph origin, int firstLine)
    {
        _origin = origin;
        _firstLine = firstLine;
        Atoms = origin.Atoms;
        Format = origin.Format;
    }

    public List<Atom> Atoms { get; }

    public ParagraphFormat Format { get; }

    public bool KeepWithNext => Format.KeepWithNext;

    public string Text => Shaper.TextOf(Atoms);

    public IReadOnlyList<LineSpan> LinesFor(double width)
    {
        if (_origin is not null) return _origin.LinesFor(width);
        if (_lines is null || Math.Abs(_linesWidth - width) > Epsilon)
        {
            _lines = LineBreaker.Break(Atoms, width - Format.LeftIndent, Format.FirstLineIndent);
            _linesWidth = width;
        }
        return _lines;
    }

    /// <summary>Height of the whole paragraph at a width, spacing included.</summary>
    public double Measure(double width) =>
        Format.SpaceBefore + LinesFor(width).Count * Format.LineHeight + Format.SpaceAfter;

    public LayoutSlice Layout(double width, double available, bool atPageTop)
    {
        var lines = LinesFor(width);
        var remaining = lines.Count - _firstLine;
        var before = _origin is null ? Format.SpaceBefore : 0;
        var fit = (int)Math.Floor((available - before + Epsilon) / Format.LineHeight);
        if (fit >= remaining)
            return new(new PlacedLines(this, _firstLine, remaining, before, Format.SpaceAfter, width), null);

        // Keep at least two lines of a longer paragraph on either side of a page break.
        if (remaining >= 4)
        {
            if (fit == 1) fit = 0;
            if (remaining - fit == 1) fit--;
        }
        if (fit <= 0)
        {
            if (!atPageTop) return LayoutSlice.Defer(this);
            fit = Math.Clamp((int)Math.Floor(available / Format.LineHeight), 1, remaining);
        }
        var placed = new PlacedLines(this, _firstLine, fit, before, 0, width);
        return new(placed, fit < remaining ? new Paragraph(_origin ?? this, _firstLine + fit) : null);
    }

    private sealed class PlacedLines(Paragraph paragraph, int first, int count, double before, double after, double width) : IPlaced
    {
        public double Height => before + count * paragraph.Format.LineHeight + after;

        public void Draw(DrawContext context, double x, double y)
        {
            var lines = paragraph.LinesFor(width);
            var top = y + before;
            for (var i = 0; i < count; i++)
            {
                LineDrawer.Draw(context, paragraph.Atoms, lines[first + i], paragraph.Format.Align, width - paragraph.Format.LeftIndent, x + paragraph.Format.LeftIndent, top, paragraph.Format.LineHeight);
                top += paragraph.Format.LineHeight;
            }
        }
    }
}
