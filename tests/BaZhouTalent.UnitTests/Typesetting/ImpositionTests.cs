using BaZhouTalent.Typesetting.Imposition;

namespace BaZhouTalent.UnitTests.Typesetting;

public class ImpositionTests
{
    public static TheoryData<int> PageCounts => [.. Enumerable.Range(1, 17)];

    [Theory]
    [MemberData(nameof(PageCounts))]
    public void Booklet_pads_to_a_multiple_of_four_and_places_every_page_once(int pages)
    {
        var sides = BookletImposer.Order(pages);
        var padded = (pages + 3) / 4 * 4;
        Assert.Equal(padded / 2, sides.Count);
        var placed = sides.SelectMany(s => new[] { s.Left, s.Right }).Where(p => p is not null).Select(p => p!.Value).Order();
        Assert.Equal(Enumerable.Range(1, pages), placed);
        Assert.Equal(padded - pages, sides.Sum(s => (s.Left is null ? 1 : 0) + (s.Right is null ? 1 : 0)));
    }

    [Theory]
    [MemberData(nameof(PageCounts))]
    public void Folded_stack_reads_in_page_order(int pages)
    {
        var sides = BookletImposer.Order(pages);
        var sheets = sides.Count / 2;
        // Stack the sheets as printed (front, back) and fold: the reader goes down the right halves of the
        // fronts and left halves of the backs, then back up the other halves.
        var reading = new List<int?>();
        for (var s = 0; s < sheets; s++) reading.AddRange([sides[2 * s].Right, sides[2 * s + 1].Left]);
        for (var s = sheets - 1; s >= 0; s--) reading.AddRange([sides[2 * s + 1].Right, sides[2 * s].Left]);
        var padded = sheets * 4;
        Assert.Equal(Enumerable.Range(1, padded).Select(p => p <= pages ? p : (int?)null), reading);
    }

    [Fact]
    public void Eight_pages_impose_as_on_a_printers_sheet()
    {
        Assert.Equal(
            [new(8, 1), new(2, 7), new(6, 3), new(4, 5)],
            BookletImposer.Order(8));
        // A short document keeps its blanks at the back of the booklet.
        Assert.Equal([new(null, 1), new(2, null)], BookletImposer.Order(2));
    }
}
