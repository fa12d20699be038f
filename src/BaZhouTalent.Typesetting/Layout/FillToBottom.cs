namespace BaZhouTalent.Typesetting.Layout;

/// <summary>Takes the rest of the page and sets its content at the bottom (the cover's issuing line).</summary>
internal sealed class FillToBottom(IReadOnlyList<Paragraph> content) : IElement
{
    public LayoutSlice Layout(double width, double available, bool atPageTop) =>
        new(new Placed(content, width, available), null);

    private sealed class Placed(IReadOnlyList<Paragraph> content, double width, double available) : IPlaced
    {
        public double Height => available;

        public void Draw(DrawContext context, double x, double y)
        {
            Paragraph.DrawStack(context, content, width, x, y + available - content.Sum(p => p.Measure(width)));
        }
    }
}
