using BaZhouTalent.Typesetting;

namespace BaZhouTalent.UnitTests.Typesetting;

public class PrintableTextTests
{
    [Theory]
    [InlineData("王\u200B晓\u200C燕\u200D", "王晓燕")]
    [InlineData("\uFEFF题目\u2060", "题目")]
    [InlineData("人才\u00AD集聚\u200E地\u202E", "人才集聚地")]
    [InlineData("葛\U000E0100洪\uFE0F", "葛洪")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("第一段\n第二段\t。", "第一段\n第二段\t。")]
    public void Invisible_characters_are_removed_and_text_is_composed(string typed, string stored) =>
        Assert.Equal(stored, PrintableText.Normalize(typed));

    [Fact]
    public void Characters_no_bundled_font_has_are_found_with_their_line_and_column()
    {
        var found = PrintableText.FindUnprintable("甲\u200B乙龑\n丙😀𠀀");
        Assert.Equal([("龑", 1, 3), ("😀", 2, 2), ("𠀀", 2, 3)], found.Select(f => (f.Character, f.Line, f.Column)));
        Assert.Equal("U+1F600", found[1].CodePoint);
        Assert.Equal("审核意见第 2 段第 2 个字“😀”（U+1F600）无法打印（共 3 处）：印刷字体中没有这个字符，请改用规范汉字或删去。",
            PrintableText.Describe("审核意见", "甲\n丙😀𠀀龑", multiLine: true));
    }

    [Fact]
    public void The_whole_seed_form_and_the_rare_standard_characters_are_printable()
    {
        var r = SeedPrint.Reference;
        var typed = string.Join("\n", new[] { r.ProjectTitle, r.ResultTitle, r.UnitName, r.LeaderName, r.ReportText }
            .Concat(r.CurrentParticipants.SelectMany(p => new[] { p.Name, p.Unit, p.Title }))
            .Concat([r.CurrentLeader.Address, r.CurrentLeader.AdministrativePost, r.CurrentLeader.Ethnicity]));
        Assert.Empty(PrintableText.FindUnprintable(typed));
        // Outside the BMP but among the 8,105 standard characters: printable.
        Assert.Empty(PrintableText.FindUnprintable("赵孟𫖯 𬌗 喆 啰"));
        Assert.Null(PrintableText.Describe("姓名", "杨卓"));
    }
}
