using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Layout;

namespace BaZhouTalent.UnitTests.Typesetting;

public class PaginationTests
{
    private static readonly TextStyle Body = new(FontRole.Fang, 16);
    private static readonly Shaper Shaper = new(FontCatalog.For(null));

    // 28 characters of 16 pt fill one line of the 448 pt measure; the page holds 22 lines of 29 pt.
    private static Paragraph Lines(int count, bool keepWithNext = false) =>
        new(Shaper.Shape(new string('字', 28 * count), Body), new ParagraphFormat(29, KeepWithNext: keepWithNext));

    private static List<PageContent> Paginate(params IElement[] elements) => Paginator.Paginate(elements, PageTemplate.A4Official);

    [Fact]
    public void A_long_paragraph_continues_on_the_next_page()
    {
        var pages = Paginate(Lines(30));
        Assert.Equal(2, pages.Count);
        Assert.Equal(22 * 29, pages[0].Used, 1);
        Assert.Equal(8 * 29, pages[1].Used, 1);
    }

    [Fact]
    public void A_single_last_line_is_not_left_alone_on_the_next_page()
    {
        var pages = Paginate(Lines(23));
        Assert.Equal(21 * 29, pages[0].Used, 1);
        Assert.Equal(2 * 29, pages[1].Used, 1);
    }

    [Fact]
    public void A_heading_at_the_foot_of_a_page_moves_to_the_next_with_its_text()
    {
        var pages = Paginate(Lines(21), Lines(1, keepWithNext: true), Lines(3));
        Assert.Single(pages[0].Items);
        Assert.Equal(2, pages[1].Items.Count);
    }

    [Fact]
    public void Consecutive_headings_move_together_when_the_text_after_them_cannot_start()
    {
        var pages = Paginate(Lines(20), Lines(1, keepWithNext: true), Lines(1, keepWithNext: true), Lines(3));
        Assert.Single(pages[0].Items);
        Assert.Equal(3, pages[1].Items.Count);
    }

    [Fact]
    public void A_table_breaks_between_rows_and_keeps_merged_rows_together()
    {
        var cell = Shaper.Shape("甲", Body);
        var table = new TableBuilder(1, 1);
        table.Row(100, new CellSpec([new Paragraph(cell, new ParagraphFormat(20))], RowSpan: 3), new CellSpec([new Paragraph(cell, new ParagraphFormat(20))]));
        table.Row(100, new CellSpec([new Paragraph(cell, new ParagraphFormat(20))]));
        table.Row(100, new CellSpec([new Paragraph(cell, new ParagraphFormat(20))]));
        table.Row(100, new CellSpec([new Paragraph(cell, new ParagraphFormat(20))], ColSpan: 2));
        // 638 pt less 15 lines leaves 203 pt: the first two rows would fit, but they are merged with the third.
        var pages = Paginate(Lines(15), table.Build());
        Assert.Single(pages[0].Items);
        Assert.Equal(400, pages[1].Used, 1);
    }
}
