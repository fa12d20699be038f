using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.PrintModel;
using UglyToad.PdfPig;

namespace BaZhouTalent.UnitTests.Typesetting;

public class PrintModelVariationTests
{
    private static ApplicationPrintModel WithCurrentLeaderName(string name)
    {
        var model = SeedPrint.Model();
        return model with { Changes = model.Changes with { CurrentLeader = model.Changes.CurrentLeader with { Name = name } } };
    }

    [Fact]
    public void A_name_with_a_rare_character_prints_through_the_fallback_font()
    {
        var model = WithCurrentLeaderName("王喆");
        Assert.Empty(PrintService.FindMissingCharacters(model));
        var pdf = PrintService.RenderA4(model);
        var text = PdfText.Body(pdf);
        var at = text.Text.IndexOf("王喆", StringComparison.Ordinal);
        Assert.True(at >= 0);
        // FandolFang has no 喆; LXGW WenKai, whose even strokes sit closest to 仿宋's, supplies it, character by character.
        Assert.Contains("FandolFang", text.Letters[at].FontName, StringComparison.Ordinal);
        Assert.Contains("LXGW WenKai", text.Letters[at + 1].FontName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_no_font_covers_is_reported_by_field_and_never_printed_as_a_box()
    {
        var model = WithCurrentLeaderName("王\U0002A6A5");
        var missing = PrintService.FindMissingCharacters(model);
        var only = Assert.Single(missing);
        Assert.Equal("现负责人·姓名", only.Field);
        Assert.Equal("\U0002A6A5", only.Character);
        Assert.Equal("U+2A6A5", only.CodePoint);
        var error = Assert.Throws<MissingCharactersException>(() => PrintService.RenderA4(model));
        Assert.Equal(missing, error.Missing);
        Assert.Throws<MissingCharactersException>(() => PrintService.RenderA3Booklet(model));
    }

    [Fact]
    public void Recorded_opinions_print_ticks_signers_dates_and_codes_and_county_prints_not_applicable()
    {
        var date = new DateOnly(2025, 11, 3);
        var model = SeedPrint.Model() with
        {
            Declaration = new DeclarationPrint(false, false, "杨卓", new DateOnly(2025, 10, 16)),
            UnitOpinion = new UnitOpinionPrint(false, true, "同意报送。", new SignaturePrint("张三", "中共巴中市巴州区委党校", date, "U7K2-9QXD")),
            CountyOpinion = CountyOpinionPrint.NotApplicable,
            ExpertOpinion = new ExpertOpinionPrint(false, true, AppraisalGradePrint.Good, "研究扎实，建议结项。", "李四", date, "E3M8-2PLA"),
            FederationOpinion = new FederationOpinionPrint(true, null, new SignaturePrint("王五", "巴中市社会科学界联合会", date, "F5R1-7TWC")),
        };
        var text = PdfText.Body(PrintService.RenderA4(model)).Text;
        foreach (var expected in new[]
        {
            "同意报送。", "签章中共巴中市巴州区委党校（张三）", "2025年11月3日", "核验码：U7K2-9QXD", "不适用",
            "研究扎实，建议结项。", "主审专家签字：李四", "核验码：E3M8-2PLA", "同意结项。", "项目负责人（签字）杨卓", "2025年10月16日",
        })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        // 声明 否 ×2, 二 无 + 是, 四 否 + 是 + 良好: each choice ticked once.
        Assert.Equal(7, text.Count(c => c == '√') - 1 /* the √ quoted in 填表说明 */ - 1 /* and in 四's hint */);
        Assert.Contains("良好√", text, StringComparison.Ordinal);
        Assert.DoesNotContain("单位（公章）:负责人签字:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_participant_list_splits_across_pages_with_every_row_printed()
    {
        var model = SeedPrint.Model();
        var people = Enumerable.Range(1, 45).Select(i => new ParticipantPrint($"参与人{i:00}", "中共巴中市巴州区委党校", "讲师", $"1398888{i:0000}")).ToList();
        model = model with { Changes = model.Changes with { CurrentParticipants = people, OriginalParticipants = people } };
        var pdf = PrintService.RenderA4(model);
        var text = PdfText.Body(pdf).Text;
        var position = 0;
        foreach (var person in people.Concat(people))
        {
            position = text.IndexOf(person.Name + person.Unit + person.Title + person.Phone, position, StringComparison.Ordinal);
            Assert.True(position >= 0, person.Name);
            position++;
        }
        using var document = PdfDocument.Open(pdf);
        using var seed = PdfDocument.Open(PrintService.RenderA4(SeedPrint.Model()));
        Assert.True(document.NumberOfPages >= seed.NumberOfPages + 2);
        // The list starts under the leaders rather than leaving their page half empty, and each page it
        // continues on repeats the list's header row.
        var tablePage = document.GetPages().First(p => p.Text.Contains("一、项目变更情况数据表", StringComparison.Ordinal));
        Assert.Contains("参与人01", tablePage.Text, StringComparison.Ordinal);
        var listPages = document.GetPages().Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"参与人\d\d")).ToList();
        Assert.True(listPages.Count >= 3);
        foreach (var page in listPages)
            Assert.True(PdfText.Squeeze(page.Text).Contains("姓名单位职称联系电话", StringComparison.Ordinal), $"page {page.Number}: {page.Text}");
    }

    [Fact]
    public void A_role_can_be_pointed_at_another_font_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bz-kai-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(path, BundledFonts.Get(BundledFonts.WenKai).Data);
        try
        {
            var options = new TypesettingOptions { FangFontFile = path };
            var text = PdfText.Body(PrintService.RenderReport(SeedPrint.Model(), options));
            var body = text.Text.IndexOf("在当今知识经济", StringComparison.Ordinal);
            Assert.Contains("LXGW WenKai", text.Letters[body].FontName, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class TypesettingOptionsTests
{
    [Fact]
    public void Validation_names_missing_files_and_collections()
    {
        var options = new TypesettingOptions
        {
            HeiFontFile = "/nonexistent/FZHei.ttf",
            KaiFontFile = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        };
        var problems = options.Validate();
        Assert.Contains(problems, p => p.StartsWith("Hei:", StringComparison.Ordinal));
        if (File.Exists(options.KaiFontFile))
            Assert.Contains(problems, p => p.StartsWith("Kai:", StringComparison.Ordinal) && p.Contains(".ttc", StringComparison.Ordinal));
        Assert.Empty(new TypesettingOptions().Validate());
    }
}

public class ReportTypesettingTests
{
    [Fact]
    public void Third_level_headings_are_set_in_fangsong_and_reports_render_concurrently()
    {
        var report = BaZhouTalent.Typesetting.Reports.ReportMarkup.Parse(
            "标题\n摘要：内容。\n关键词：甲；乙\n一、引言\n（一）背景\n1.研究方法\n正文第一段，**加粗 42 项**，完。\n（1）不是标题");
        Assert.Equal(BaZhouTalent.Typesetting.Reports.ParagraphRole.Heading3, report[5].Role);
        Assert.Equal(BaZhouTalent.Typesetting.Reports.ParagraphRole.Body, report[7].Role);
        var model = SeedPrint.Model() with { Report = report };
        var pdfs = new byte[4][];
        Parallel.For(0, pdfs.Length, i => pdfs[i] = PrintService.RenderReport(model));
        var text = PdfText.Body(pdfs[0]);
        var at = text.Text.IndexOf("1.研究方法", StringComparison.Ordinal);
        Assert.Contains("FandolFang", text.Letters[at + 2].FontName, StringComparison.Ordinal);
        Assert.Equal(16, text.Letters[at + 2].PointSize, 1);
        Assert.All(pdfs, pdf => Assert.Equal(text.Text, PdfText.Body(pdf).Text));
    }
}
