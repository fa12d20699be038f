namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// A ruled box for a signed section. Its content (heading, review items, the recorded opinion) flows from the top;
/// the signature block is set against the bottom edge with the small notes (the 核验码) bottom-left beside it; and
/// between the last line of content and the signature block there is always at least <see cref="SigningRoom"/> for
/// a hand-written signature and a round seal. The box is at least <see cref="MinHeight"/> tall and grows with its
/// content. Taller than a page, it splits between lines of its content: each part but the last is ruled to the
/// page's foot and closes with a 转下页 line; the next part opens with the heading marked （续）; the signature block
/// only ever follows the last line, so it is never cut.
/// </summary>
internal sealed class OpinionBox : IElement
{
    private const double PaddingY = 6;
    private const double Epsilon = 0.01;

    private readonly IReadOnlyList<Paragraph> _content;
    private readonly Parts _parts;

    /// <param name="content">Heading, items and opinion, top down.</param>
    /// <param name="parts">What every part of the box shares: signature, notes, the continuation heading and 转下页 line.</param>
    /// <param name="minHeight">The least height of the box (a share of the page, or the whole page).</param>
    public OpinionBox(IReadOnlyList<Paragraph> content, Parts parts, double minHeight = 0)
    {
        _content = content;
        _parts = parts;
        MinHeight = minHeight;
    }

    /// <summary>What every part of one section's box shares.</summary>
    /// <param name="Signature">The signature block (signer lines, date), set right against the bottom edge.</param>
    /// <param name="Notes">Small notes bottom-left beside the signature (the 核验码 and where to check it).</param>
    /// <param name="NotesWidth">The width the notes are set in.</param>
    /// <param name="ContinuedHeading">The heading that opens each continuation part, e.g. 二、…意见（续）.</param>
    /// <param name="ContinuesNote">The line closing each part that continues on the next page.</param>
    /// <param name="SigningRoom">Least room between the last line of content and the signature block (none when unsigned).</param>
    /// <param name="ContinuationHeight">The least height of a continuation part (the whole page, so each is ruled to its foot).</param>
    /// <param name="Padding">Horizontal padding inside the rule.</param>
    public sealed record Parts(
        IReadOnlyList<Paragraph> Signature,
        IReadOnlyList<Paragraph> Notes,
        double NotesWidth,
        Paragraph ContinuedHeading,
        Paragraph ContinuesNote,
        double SigningRoom,
        double ContinuationHeight,
        double Padding = 8);

    public double MinHeight { get; }

    public double SigningRoom => _parts.Signature.Count == 0 ? 0 : _parts.SigningRoom;

    /// <summary>The same box with another least height.</summary>
    public OpinionBox WithMinHeight(double minHeight) => new(_content, _parts, minHeight);

    /// <summary>The height the box takes at a width when nothing forces it taller (it may exceed a page).</summary>
    public double NaturalHeight(double width) => 2 * PaddingY + ContentHeight(width) + SigningRoom + BottomHeight(width);

    public LayoutSlice Layout(double width, double available, bool atPageTop)
    {
        var height = Math.Max(MinHeight, NaturalHeight(width));
        if (height <= available + Epsilon) return new(new Placed(this, width, height), null);
        if (!atPageTop) return LayoutSlice.Defer(this);
        return Split(width, available);
    }

    private double Inner(double width) => width - 2 * _parts.Padding;

    private double ContentHeight(double width) => _content.Sum(p => p.Measure(Inner(width)));

    private double BottomHeight(double width) =>
        Math.Max(_parts.Signature.Sum(p => p.Measure(Inner(width))), _parts.Notes.Sum(p => p.Measure(_parts.NotesWidth)));

    /// <summary>
    /// Fills this page with as much content as fits above the 转下页 line and carries the rest, under the （续）
    /// heading, into a box of its own. At least the last two lines always move, so the signature never stands alone.
    /// </summary>
    private LayoutSlice Split(double width, double available)
    {
        var inner = Inner(width);
        var room = available - 2 * PaddingY - _parts.ContinuesNote.Measure(inner);
        var last = _content[^1];
        var carried = Math.Min(2 * last.Format.LineHeight, last.Measure(inner));
        room = Math.Min(room, ContentHeight(width) - carried);

        var placed = new List<IPlaced>();
        var rest = new List<Paragraph>();
        for (var i = 0; i < _content.Count; i++)
        {
            if (rest.Count > 0) { rest.Add(_content[i]); continue; }
            var slice = _content[i].Layout(inner, room, atPageTop: placed.Count == 0);
            if (slice.Placed is not null)
            {
                placed.Add(slice.Placed);
                room -= slice.Placed.Height;
            }
            if (slice.Remainder is Paragraph remainder) rest.Add(remainder);
            else if (slice.Placed is null) rest.Add(_content[i]);
        }
        var continuation = new OpinionBox([_parts.ContinuedHeading, .. rest], _parts, _parts.ContinuationHeight);
        return new(new PlacedPart(placed, _parts.ContinuesNote, width, available, _parts.Padding), continuation);
    }

    private void Draw(DrawContext context, double x, double y, double width, double boxHeight)
    {
        context.Graphics.DrawRectangle(context.Pen(0.75), x, y, width, boxHeight);
        var inner = Inner(width);
        var bottom = y + boxHeight - PaddingY;
        var left = x + _parts.Padding;
        Paragraph.DrawStack(context, _content, inner, left, y + PaddingY);
        Paragraph.DrawStack(context, _parts.Signature, inner, left, bottom - _parts.Signature.Sum(p => p.Measure(inner)));
        Paragraph.DrawStack(context, _parts.Notes, _parts.NotesWidth, left, bottom - _parts.Notes.Sum(p => p.Measure(_parts.NotesWidth)));
    }

    private sealed class Placed(OpinionBox box, double width, double height) : IPlaced
    {
        public double Height => height;

        public void Draw(DrawContext context, double x, double y) => box.Draw(context, x, y, width, height);
    }

    /// <summary>A part that continues on the next page: its lines from the top, the 转下页 line at the foot.</summary>
    private sealed class PlacedPart(List<IPlaced> lines, Paragraph continues, double width, double height, double padding) : IPlaced
    {
        public double Height => height;

        public void Draw(DrawContext context, double x, double y)
        {
            context.Graphics.DrawRectangle(context.Pen(0.75), x, y, width, height);
            var top = y + PaddingY;
            foreach (var line in lines)
            {
                line.Draw(context, x + padding, top);
                top += line.Height;
            }
            var inner = width - 2 * padding;
            Paragraph.DrawStack(context, [continues], inner, x + padding, y + height - PaddingY - continues.Measure(inner));
        }
    }
}
