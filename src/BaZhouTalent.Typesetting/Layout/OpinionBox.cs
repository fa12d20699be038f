namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// A ruled box of a fixed height for a signed section: its content flows from the top, the signature block is
/// set against the bottom edge, and small notes (the 核验码) sit bottom-left beside the signature. So what is
/// recorded fills the room left for hand-writing without moving the signature lines; only content that cannot
/// fit makes the box taller, and a box taller than a page falls back to a ruled cell that splits across pages.
/// </summary>
internal sealed class OpinionBox(
    IReadOnlyList<Paragraph> content,
    IReadOnlyList<Paragraph> signature,
    IReadOnlyList<Paragraph> notes,
    double height,
    double notesWidth,
    double padding = 8) : IElement
{
    private const double PaddingY = 6;

    /// <summary>The height of the box at a width: the fixed height unless the content needs more.</summary>
    public double Measure(double width) => Math.Max(height, ContentHeight(width) + BottomHeight(width) + 2 * PaddingY);

    /// <summary>The room between the content and the signature block at a width (negative when it overflows).</summary>
    public double FreeHeight(double width) => height - 2 * PaddingY - ContentHeight(width) - BottomHeight(width);

    public LayoutSlice Layout(double width, double available, bool atPageTop)
    {
        var needed = Measure(width);
        if (needed <= available + 0.01) return new(new Placed(this, width, needed), null);
        if (!atPageTop) return LayoutSlice.Defer(this);
        return AsSplittableCell().Layout(width, available, atPageTop);
    }

    private double Inner(double width) => width - 2 * padding;

    private double ContentHeight(double width) => content.Sum(p => p.Measure(Inner(width)));

    private double BottomHeight(double width) =>
        Math.Max(signature.Sum(p => p.Measure(Inner(width))), notes.Sum(p => p.Measure(notesWidth)));

    private Table AsSplittableCell() =>
        new TableBuilder(1).Row(height, new CellSpec([.. content, .. signature, .. notes], Align: CellAlign.Top)).Build(padding, PaddingY);

    private void Draw(DrawContext context, double x, double y, double width, double boxHeight)
    {
        context.Graphics.DrawRectangle(context.Pen(0.75), x, y, width, boxHeight);
        var inner = Inner(width);
        var bottom = y + boxHeight - PaddingY;
        Paragraph.DrawStack(context, content, inner, x + padding, y + PaddingY);
        Paragraph.DrawStack(context, signature, inner, x + padding, bottom - signature.Sum(p => p.Measure(inner)));
        Paragraph.DrawStack(context, notes, notesWidth, x + padding, bottom - notes.Sum(p => p.Measure(notesWidth)));
    }

    private sealed class Placed(OpinionBox box, double width, double height) : IPlaced
    {
        public double Height => height;

        public void Draw(DrawContext context, double x, double y) => box.Draw(context, x, y, width, height);
    }
}
