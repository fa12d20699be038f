using System.Text.RegularExpressions;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Imposition;
using BaZhouTalent.Typesetting.Reports;
using UglyToad.PdfPig;

namespace BaZhouTalent.UnitTests.Typesetting;

public partial class SeedFormPdfTests(SeedPdfFixture seed) : IClassFixture<SeedPdfFixture>
{
    [GeneratedRegex(@"^[A-Z]{6}\+")]
    private static partial Regex SubsetPrefix();

    [Fact]
    public void A4_pages_are_595_by_842_and_booklet_sheets_are_A3_landscape()
    {
        using var a4 = PdfDocument.Open(seed.A4);
        Assert.All(a4.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        using var report = PdfDocument.Open(seed.Report);
        Assert.All(report.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        using var booklet = PdfDocument.Open(seed.Booklet);
        Assert.Equal((a4.NumberOfPages + 3) / 4 * 2, booklet.NumberOfPages);
        Assert.All(booklet.GetPages(), p => Assert.Equal((1191, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
    }

    [Fact]
    public void Every_label_fixed_sentence_and_value_of_the_seed_form_is_printed()
    {
        var printed = PdfText.Body(seed.A4).Text;
        var form = SeedPrint.SeedText[..(SeedPrint.SeedText.IndexOf("最 终 成 果", StringComparison.Ordinal) + "最 终 成 果".Length)];
        var cells = form.Split('\n')
            .SelectMany(line => line.Split('\t'))
            .Select(PdfText.Squeeze)
            .Where(cell => cell.Length > 0)
            // The export cut the merged 原参与人员 cell where the paper page broke; it prints whole.
            .Select(cell => cell is "原参" or "与人员" ? "原参与人员" : cell)
            .ToList();
        Assert.True(cells.Count > 80, $"only {cells.Count} cells read from the seed");
        var missing = cells.Where(cell => !printed.Contains(cell, StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_report_paragraph_is_printed_in_order_without_a_character_lost()
    {
        var paragraphs = ReportMarkup.Parse(SeedPrint.Reference.ReportText);
        Assert.True(paragraphs.Count > 40);
        foreach (var pdf in new[] { seed.Report, seed.A4 })
        {
            var printed = PdfText.Body(pdf).Text;
            var position = 0;
            foreach (var paragraph in paragraphs)
            {
                var text = PdfText.Squeeze(paragraph.Text);
                var found = printed.IndexOf(text, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"not found in order: {paragraph.Text}");
                position = found + text.Length;
            }
        }
    }

    [Fact]
    public void Headings_are_detected_and_set_at_their_level_throughout_the_seed_report()
    {
        var paragraphs = ReportMarkup.Parse(SeedPrint.Reference.ReportText);
        Assert.Equal(ParagraphRole.Title, paragraphs[0].Role);
        Assert.Equal(ParagraphRole.Abstract, paragraphs[1].Role);
        Assert.Equal(ParagraphRole.Keywords, paragraphs[2].Role);
        Assert.Equal(
            ["一、引言", "二、巴州区建设人才创新集聚地的重要意义", "三、巴州区人才工作现状", "四、巴州区建设人才创新集聚地面临的挑战", "五、巴州区加快建设人才创新集聚地的策略建议"],
            paragraphs.Where(p => p.Role == ParagraphRole.Heading1).Select(p => p.Text));
        var level2 = paragraphs.Where(p => p.Role == ParagraphRole.Heading2).ToList();
        Assert.Equal(16, level2.Count);
        Assert.All(level2, p => Assert.Matches("^（[一二三四五]）", p.Text));
        Assert.DoesNotContain(paragraphs, p => p.Role == ParagraphRole.Heading3);

        var printed = PdfText.Body(seed.Report);
        var position = 0;
        foreach (var paragraph in paragraphs)
        {
            var text = PdfText.Squeeze(paragraph.Text);
            var at = printed.Text.IndexOf(text, position, StringComparison.Ordinal);
            var letter = printed.Letters[at];
            // 摘要 and 关键词 open with a run-in label in 黑体; the text after the colon is body.
            if (paragraph.Role is ParagraphRole.Abstract or ParagraphRole.Keywords)
                letter = printed.Letters[at + text.IndexOf('：') + 1];
            var (font, size) = paragraph.Role switch
            {
                ParagraphRole.Title => ("Noto Serif CJK SC", 22.0),
                ParagraphRole.Heading1 => ("Noto Sans CJK SC", 16.0),
                ParagraphRole.Heading2 => ("LXGW WenKai", 16.0),
                _ => ("FandolFang", 16.0),
            };
            Assert.Contains(font, letter.FontName, StringComparison.Ordinal);
            Assert.Equal(size, letter.PointSize, 1);
            position = at + text.Length;
        }
    }

    [Fact]
    public void Booklet_sides_carry_the_pages_in_saddle_stitch_order()
    {
        using var a4 = PdfDocument.Open(seed.A4);
        var order = BookletImposer.Order(a4.NumberOfPages);
        var printed = PdfText.PageNumbers(seed.Booklet, 595.28);
        // The cover and blank pad pages carry no number.
        int? Expected(int? page) => page is > 1 ? page : null;
        Assert.Equal(order.Select(s => (Expected(s.Left), Expected(s.Right))), printed);
        Assert.Equal(Enumerable.Range(2, a4.NumberOfPages - 1).Select(n => ((int?)(n % 2 == 0 ? n : null), (int?)(n % 2 == 1 ? n : null))),
            PdfText.PageNumbers(seed.A4, 297.64).Skip(1));
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_once_and_the_form_stays_small()
    {
        using var a4 = PdfDocument.Open(seed.A4);
        var fonts = a4.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Matches(SubsetPrefix(), f));
        Assert.True(seed.A4.Length < 1_500_000, $"A4 is {seed.A4.Length} bytes");
        // Imposed pages are form XObjects over the A4 document: its fonts are not copied per sheet.
        Assert.True(seed.Booklet.Length < seed.A4.Length * 1.2, $"booklet {seed.Booklet.Length} vs A4 {seed.A4.Length}");
    }

    [Fact]
    public void The_seed_has_no_character_without_a_glyph()
    {
        Assert.Empty(PrintService.FindMissingCharacters(seed.Model));
        using var a4 = PdfDocument.Open(seed.A4);
        Assert.DoesNotContain(a4.GetPages().SelectMany(p => p.Letters), l => l.Value is "\uFFFD" or "\0");
    }
}
