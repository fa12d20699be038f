using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Layout;

namespace BaZhouTalent.UnitTests.Typesetting;

public class LineBreakingTests
{
    private const double Size = 16;
    private static readonly TextStyle Body = new(FontRole.Fang, Size);

    private static List<Atom> Shape(string text) => new Shaper(FontCatalog.For(null)).Shape(text, Body);

    private static List<string> Lines(string text, double widthInEms, double indentEms = 0)
    {
        var atoms = Shape(text);
        return [.. LineBreaker.Break(atoms, widthInEms * Size, indentEms * Size)
            .Select(l => string.Concat(atoms.Skip(l.Start).Take(l.End - l.Start).Select(a => a.Text)))];
    }

    public static TheoryData<int> Widths => new() { 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 28 };

    private const string Punctuated =
        "习近平总书记强调：“硬实力、软实力，归根到底要靠人才实力。”全面建设社会主义现代化国家，科技是关键（见《报告》），人才是根本！"
        + "是否？是的；好的。“好”、“坏”……——以及【注】和「引」；完毕。";

    [Fact]
    public void A_run_kept_together_moves_to_the_next_line_whole_wherever_the_text_before_it_ends()
    {
        // A signer after a unit's name: wherever the name ends on the line, “（教研室主任 李明）” is never cut.
        const string signer = "（教研室主任 李明）";
        for (var before = 1; before <= 30; before++)
        {
            var atoms = new Shaper(FontCatalog.For(null)).Shape([new TextInline(new string('校', before), Body), new TextInline(signer, Body, KeepTogether: true)]);
            var lines = LineBreaker.Break(atoms, 16 * Size);
            var first = atoms.Count - signer.Length;
            Assert.Single(lines, l => l.Start <= first && first < l.End && l.End >= atoms.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void No_line_starts_with_closing_punctuation(int width)
    {
        foreach (var line in Lines(Punctuated, width).Skip(1))
            Assert.DoesNotContain(line[0], "，。、；：？！）》”’】」…");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void No_line_ends_with_opening_punctuation(int width)
    {
        foreach (var line in Lines(Punctuated, width).SkipLast(1))
            Assert.DoesNotContain(line[^1], "（《“‘【「");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Breaking_loses_no_character_and_no_line_overflows(int width)
    {
        var atoms = Shape(Punctuated);
        var lines = LineBreaker.Break(atoms, width * Size, 2 * Size);
        Assert.Equal(Punctuated, string.Concat(lines.Select(l => string.Concat(atoms.Skip(l.Start).Take(l.End - l.Start).Select(a => a.Text)))));
        foreach (var line in lines)
            Assert.True(line.Indent + line.NaturalWidth <= width * Size + 0.01, $"line of {line.NaturalWidth} pt in {width} em");
    }

    [Fact]
    public void Dashes_and_ellipses_are_never_split()
    {
        for (var width = 3; width < 20; width++)
            foreach (var line in Lines("他说——这是真的……我们都知道——结束……好", width))
            {
                Assert.False(line.EndsWith('—') && !line.EndsWith("——", StringComparison.Ordinal), line);
                Assert.False(line.StartsWith('…'), line);
            }
    }

    [Fact]
    public void Latin_words_and_numbers_break_only_as_a_whole()
    {
        const string text = "巴州区人均GDP较低，兑现落实各类专家人才津补贴480余万元，Internationalization一词2025年10月1日增长12.5%";
        for (var width = 12; width < 24; width++)
        {
            var lines = Lines(text, width);
            Assert.Equal(text, string.Concat(lines));
            foreach (var token in new[] { "GDP", "480", "Internationalization", "2025", "12.5%" })
                Assert.Contains(lines, l => l.Contains(token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_where_it_overflows()
    {
        var lines = Lines("地址https://example.org/a/very/long/path/that/cannot/fit", 6);
        Assert.True(lines.Count > 2);
        Assert.Equal("地址https://example.org/a/very/long/path/that/cannot/fit", string.Concat(lines));
    }

    [Fact]
    public void Spaces_at_a_break_are_dropped_and_never_start_a_line()
    {
        var lines = Lines("人才 **126** 名 Talent cluster research in Bazhong city", 8);
        Assert.All(lines, l => Assert.False(l.StartsWith(' ') || l.EndsWith(' ')));
    }

    [Fact]
    public void A_full_line_of_ideographs_sits_on_the_grid_and_justification_fills_the_rest()
    {
        var atoms = Shape("巴州区积极响应国家人才强国战略四川省川渝人才协同发展以及巴中市人才强市的系列战略部署");
        var lines = LineBreaker.Break(atoms, 28 * Size, 2 * Size);
        Assert.Equal(26 * Size, lines[0].NaturalWidth, 1);
        Assert.Equal(0, LineDrawer.ExtraPerGap(atoms, lines[0], TextAlign.Justify, 28 * Size), 3);

        var mixed = Shape("近年来公开招引食品饮料商贸物流生物医药专业人才 126 名，其中博士研究生 10 人");
        var mixedLines = LineBreaker.Break(mixed, 28 * Size);
        var first = mixedLines[0];
        var extra = LineDrawer.ExtraPerGap(mixed, first, TextAlign.Justify, 28 * Size);
        var gaps = Enumerable.Range(first.Start + 1, first.End - first.Start - 1).Count(k => !mixed[k].NoStretchBefore);
        Assert.Equal(28 * Size, first.NaturalWidth + extra * gaps, 2);
        Assert.Equal(0, LineDrawer.ExtraPerGap(mixed, mixedLines[^1], TextAlign.Justify, 28 * Size));
    }
}

public class JustificationTests
{
    private static readonly TextStyle Body = new(FontRole.Fang, 16);

    [Fact]
    public void A_line_cut_short_before_a_long_word_is_set_flush_left_but_labels_still_distribute()
    {
        var atoms = new Shaper(FontCatalog.For(null)).Shape("地址https://example.org/averyveryverylongpathname", Body);
        var lines = LineBreaker.Break(atoms, 10 * 16);
        Assert.Equal(0, LineDrawer.ExtraPerGap(atoms, lines[0], TextAlign.Justify, 10 * 16));

        var label = new Shaper(FontCatalog.For(null)).Shape("立项编号", Body);
        var labelLine = LineBreaker.Break(label, 100)[0];
        Assert.Equal((100 - 64) / 3.0, LineDrawer.ExtraPerGap(label, labelLine, TextAlign.Distribute, 100), 3);
    }
}
