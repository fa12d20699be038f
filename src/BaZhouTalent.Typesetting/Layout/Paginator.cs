namespace BaZhouTalent.Typesetting.Layout;

/// <summary>Page geometry in points: paper size and the margins around the type area (版心).</summary>
internal sealed record PageTemplate(double Width, double Height, double Left, double Top, double Right, double Bottom)
{
    public const double Millimetre = 72 / 25.4;

    /// <summary>
    /// GB/T 9704 proportions for 3 号 text: 28 characters of 16 pt per line (448 pt) and 22 lines at a 29 pt
    /// pitch (638 pt), 天头 37 mm, 订口 28 mm.
    /// </summary>
    public static PageTemplate A4Official { get; } = new(
        595.28, 841.89, Left: 28 * Millimetre, Top: 37 * Millimetre,
        Right: 595.28 - 28 * Millimetre - 448, Bottom: 841.89 - 37 * Millimetre - 638);

    public double ContentWidth => Width - Left - Right;

    public double ContentHeight => Height - Top - Bottom;
}

/// <summary>One laid-out page: fragments with their offsets inside the type area.</summary>
internal sealed class PageContent
{
    public List<(IPlaced Item, double X, double Y)> Items { get; } = [];

    public bool ShowNumber { get; set; } = true;

    public double Used { get; set; }
}

/// <summary>Flows elements down the type area, starting a page whenever the current one is full.</summary>
internal static class Paginator
{
    public static List<PageContent> Paginate(IReadOnlyList<IElement> elements, PageTemplate template)
    {
        var width = template.ContentWidth;
        var height = template.ContentHeight;
        var pages = new List<PageContent> { new() };
        for (var index = 0; index < elements.Count; index++)
        {
            var element = elements[index];
            if (element is PageBreak)
            {
                if (pages[^1].Items.Count > 0 || pages[^1].Used > 0) pages.Add(new PageContent());
                continue;
            }
            if (element is SuppressPageNumber)
            {
                pages[^1].ShowNumber = false;
                continue;
            }
            IElement? pending = element;
            while (pending is not null)
            {
                var page = pages[^1];
                var atTop = page.Items.Count == 0;
                var slice = pending.Layout(width, height - page.Used, atTop);
                if (slice.Placed is null)
                {
                    if (slice.Remainder is null || atTop) break;
                    pages.Add(new PageContent());
                    continue;
                }
                if (!atTop && slice.Remainder is null && pending.KeepWithNext && !NextStartsHere(elements, index, width, height - page.Used - slice.Placed.Height))
                {
                    pages.Add(new PageContent());
                    continue;
                }
                page.Items.Add((slice.Placed, 0, page.Used));
                page.Used += slice.Placed.Height;
                pending = slice.Remainder;
                if (pending is not null) pages.Add(new PageContent());
            }
        }
        if (pages.Count > 1 && pages[^1].Items.Count == 0) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    /// <summary>
    /// Whether what follows a kept heading starts on this page: the next element must place at least its first
    /// lines, and if it is itself a heading kept with its successor (一、 then （一）), so must that one.
    /// </summary>
    private static bool NextStartsHere(IReadOnlyList<IElement> elements, int index, double width, double available)
    {
        for (var next = index + 1; next < elements.Count; next++)
        {
            var element = elements[next];
            if (element is PageBreak) return true;
            if (element is SuppressPageNumber or Spacer) continue;
            if (available <= 0) return false;
            var slice = element.Layout(width, available, atPageTop: false);
            if (slice.Placed is null) return false;
            return !element.KeepWithNext || slice.Remainder is not null
                || NextStartsHere(elements, next, width, available - slice.Placed.Height);
        }
        return true;
    }
}
