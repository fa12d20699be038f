using BaZhouTalent.Application.Reuse;

namespace BaZhouTalent.UnitTests.Reuse;

public class ReuseTextTests
{
    private static readonly IReadOnlyList<string> Headings = new ReuseOptions().Headings;

    [Fact]
    public void Punctuation_spaces_and_width_do_not_change_the_normalised_text()
    {
        var plain = ReuseText.Of("人才是第一资源，2025年GDP增长5.2%。", Headings);
        var disguised = ReuseText.Of("人 才是第一资源,　２０２５年ＧＤＰ增长５．２％ ；", Headings);

        Assert.Equal("人才是第一资源2025年gdp增长52", plain.ToString());
        Assert.Equal(plain.ToString(), disguised.ToString());
    }

    [Fact]
    public void Each_kept_character_knows_where_it_stands_in_the_original()
    {
        var original = "一、引言\n**巴州区**，人才𠀀集聚。";
        var text = ReuseText.Of(original, Headings);

        // The fixed heading 一、引言 is left out; bold marks, punctuation gone; the character outside the BMP kept.
        Assert.Equal("巴州区人才𠀀集聚", text.ToString());
        Assert.Equal(original.IndexOf('巴', StringComparison.Ordinal), text.Offsets[0]);
        var (start, length) = text.OriginalSpan(3, 8);
        Assert.Equal("人才𠀀集聚", original.Substring(start, length));
    }

    [Theory]
    [InlineData("参考文献")]
    [InlineData("（三）对策建议")]
    [InlineData("五、结语")]
    [InlineData("**摘要：**")]
    public void The_forms_fixed_headings_are_left_out(string heading)
    {
        Assert.Equal("正文内容", ReuseText.Of($"{heading}\n正文内容", Headings).ToString());
    }

    [Fact]
    public void A_heading_that_is_not_fixed_stays()
    {
        Assert.Equal("一巴州区人才现状正文内容", ReuseText.Of("一、巴州区人才现状\n正文内容", Headings).ToString());
    }
}

public class ReuseFingerprintsTests
{
    [Fact]
    public void Any_shared_stretch_of_the_guarantee_threshold_shares_a_fingerprint_whatever_surrounds_it()
    {
        var random = new Random(7);
        int[] Text(int n) => [.. Enumerable.Range(0, n).Select(_ => 0x4E00 + random.Next(3000))];
        for (var trial = 0; trial < 200; trial++)
        {
            var shared = Text(ReuseFingerprints.GuaranteeThreshold);
            int[] source = [.. Text(random.Next(0, 300)), .. shared, .. Text(random.Next(0, 300))];
            int[] target = [.. Text(random.Next(0, 300)), .. shared, .. Text(random.Next(0, 300))];

            var stored = ReuseFingerprints.Winnow(ReuseFingerprints.KGramHashes(source)).Select(f => f.Hash).ToHashSet();
            var sharedHashes = ReuseFingerprints.KGramHashes(shared);

            Assert.Contains(sharedHashes, stored.Contains);
            Assert.Contains(ReuseFingerprints.KGramHashes(target), h => sharedHashes.Contains(h) && stored.Contains(h));
        }
    }

    [Fact]
    public void Winnowing_keeps_about_two_in_window_plus_one_kgrams()
    {
        var random = new Random(8);
        int[] text = [.. Enumerable.Range(0, 100_000).Select(_ => 0x4E00 + random.Next(3000))];

        var density = ReuseFingerprints.Winnow(ReuseFingerprints.KGramHashes(text)).Count / (double)text.Length;

        Assert.InRange(density, 1.8 / (ReuseFingerprints.Window + 1), 2.2 / (ReuseFingerprints.Window + 1));
    }
}

public class MarkedTextTests
{
    [Fact]
    public void Spans_become_numbered_runs_per_paragraph_without_the_bold_marks()
    {
        var markup = "一、**引言**\n人才是第一资源，创新是第一动力。";
        var start = markup.IndexOf('创', StringComparison.Ordinal);

        var paragraphs = MarkedText.Paragraphs(markup, [(start, 8, 1)]);

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal([new MarkedSegment("一、引言", null)], paragraphs[0].Segments);
        Assert.Equal(
            [new MarkedSegment("人才是第一资源，", null), new MarkedSegment("创新是第一动力。", 1, Starts: true)],
            paragraphs[1].Segments);
    }

    [Fact]
    public void A_passage_across_paragraphs_starts_once()
    {
        var markup = "人才是第一资源。\n创新是第一动力。";

        var paragraphs = MarkedText.Paragraphs(markup, [(4, 10, 1)]);

        Assert.Equal([new MarkedSegment("人才是第", null), new MarkedSegment("一资源。", 1, Starts: true)], paragraphs[0].Segments);
        Assert.Equal([new MarkedSegment("创新是第一", 1), new MarkedSegment("动力。", null)], paragraphs[1].Segments);
    }
}
