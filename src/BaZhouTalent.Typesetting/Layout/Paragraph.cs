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
/// <see cref="LeftIndent"/> moves every line in (signature blocks that start mid-column), and
/// <see cref="ShrinkToFit"/> sets the text smaller when a part that must not break (a short bracketed marker in a
/// narrow table cell) is wider than the column.
/// </summary>
internal sealed record ParagraphFormat(
    double LineHeight,
    TextAlign Align = TextAlign.Justify,
    double FirstLineIndent = 0,
    double SpaceBefore = 0,
    double SpaceAfter = 0,
    bool KeepWithNext = false,
    double LeftIndent = 0,
    bool ShrinkToFit = false);

/// <summary>A text block: shaped atoms broken into lines at the column width, splittable between lines.</summary>
internal sealed class Paragraph : IElement
{
    private const double Epsilon = 0.01;
    private const double SmallestScale = 0.4;
    private readonly Paragraph? _origin;
    private readonly int _firstLine;
    private List<LineSpan>? _lines;
    private List<Atom>? _setAtoms;
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
            var measure = width - Format.LeftIndent;
            _setAtoms = Format.ShrinkToFit ? Shrunk(Atoms, measure) : Atoms;
            _lines = LineBreaker.Break(_setAtoms, measure, Format.FirstLineIndent);
            _linesWidth = width;
        }
        return _lines;
    }

    /// <summary>The atoms as set at the width last broken for: the shaped ones, or smaller copies.</summary>
    private List<Atom> SetAtoms(double width)
    {
        if (_origin is not null) return _origin.SetAtoms(width);
        LinesFor(width);
        return _setAtoms!;
    }

    /// <summary>
    /// The atoms scaled down just enough for the widest run that may not break to fit the measure (never below
    /// 40 %); the atoms themselves when it already fits.
    /// </summary>
    private static List<Atom> Shrunk(List<Atom> atoms, double measure)
    {
        var widest = 0.0;
        var run = 0.0;
        for (var i = 0; i < atoms.Count; i++)
        {
            run = i > 0 && atoms[i].NoBreakBefore && !atoms[i].IsSpace ? run + atoms[i].Width : atoms[i].Width;
            widest = Math.Max(widest, run);
        }
        if (widest <= measure + Epsilon) return atoms;
        var scale = Math.Max(SmallestScale, measure / widest);
        return [.. atoms.Select(a => new Atom
        {
            Kind = a.Kind, Text = a.Text, Face = a.Face, Ticked = a.Ticked,
            Style = a.Style with { Size = a.Style.Size * scale }, Width = a.Width * scale,
            NoBreakBefore = a.NoBreakBefore, NoStretchBefore = a.NoStretchBefore,
        })];
    }

    /// <summary>Height of the paragraph (of its lines from the first not yet placed, for a continuation) at a width, spacing included.</summary>
    public double Measure(double width) =>
        (_origin is null ? Format.SpaceBefore : 0) + (LinesFor(width).Count - _firstLine) * Format.LineHeight + Format.SpaceAfter;

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

    /// <summary>Draws paragraphs whole, one under the other, from <paramref name="top"/> (content of a fixed box).</summary>
    public static void DrawStack(DrawContext context, IEnumerable<Paragraph> paragraphs, double width, double x, double top)
    {
        foreach (var paragraph in paragraphs)
        {
            var placed = paragraph.Layout(width, double.MaxValue, atPageTop: true).Placed!;
            placed.Draw(context, x, top);
            top += placed.Height;
        }
    }

    private sealed class PlacedLines(Paragraph paragraph, int first, int count, double before, double after, double width) : IPlaced
    {
        public double Height => before + count * paragraph.Format.LineHeight + after;

        public void Draw(DrawContext context, double x, double y)
        {
            var lines = paragraph.LinesFor(width);
            var atoms = paragraph.SetAtoms(width);
            var top = y + before;
            for (var i = 0; i < count; i++)
            {
                LineDrawer.Draw(context, atoms, lines[first + i], paragraph.Format.Align, width - paragraph.Format.LeftIndent, x + paragraph.Format.LeftIndent, top, paragraph.Format.LineHeight);
                top += paragraph.Format.LineHeight;
            }
        }
    }
}
