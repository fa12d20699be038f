namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// A block of content that is first measured, then drawn: <see cref="Layout"/> takes what fits into the space
/// left on the page and returns the rest, so long paragraphs and tables continue on the next page.
/// </summary>
internal interface IElement
{
    /// <param name="width">Width of the column.</param>
    /// <param name="available">Height left on the page.</param>
    /// <param name="atPageTop">True on an empty page: the element must then place something, or it would never fit.</param>
    LayoutSlice Layout(double width, double available, bool atPageTop);

    /// <summary>Keep this element on the same page as the start of the next one (headings).</summary>
    bool KeepWithNext => false;
}

/// <summary>What an element placed on this page (null when nothing fits) and what continues on the next.</summary>
internal readonly record struct LayoutSlice(IPlaced? Placed, IElement? Remainder)
{
    public static LayoutSlice Defer(IElement element) => new(null, element);
}

/// <summary>A measured fragment, ready to draw at a position.</summary>
internal interface IPlaced
{
    double Height { get; }

    void Draw(DrawContext context, double x, double y);
}

/// <summary>Vertical white space; it never carries over to the next page.</summary>
internal sealed class Spacer(double height) : IElement, IPlaced
{
    public double Height => height;

    public LayoutSlice Layout(double width, double available, bool atPageTop) =>
        new(atPageTop ? null : this, null);

    public void Draw(DrawContext context, double x, double y)
    {
    }
}

/// <summary>Ends the page; the next element starts a new one.</summary>
internal sealed class PageBreak : IElement
{
    public static readonly PageBreak Instance = new();

    public LayoutSlice Layout(double width, double available, bool atPageTop) => new(null, null);
}

/// <summary>Marks the page it lands on as one without a printed page number (the cover).</summary>
internal sealed class SuppressPageNumber : IElement
{
    public static readonly SuppressPageNumber Instance = new();

    public LayoutSlice Layout(double width, double available, bool atPageTop) => new(null, null);
}

