using BaZhouTalent.Application.Seeding;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.UnitTests.Seeding;

public class ReferenceSeedParserTests
{
    private const string Title = "巴中市巴州区加快建设人才创新集聚地研究";

    private static readonly string SeedText =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_61e57fa0fe31f5a0.txt"));

    private static readonly ReferenceApplication Seed = ReferenceSeedParser.Parse(SeedText);

    [Fact]
    public void Cover_fields_are_read_with_spaced_labels_and_names()
    {
        Assert.Equal("BZ25YB027", Seed.ProjectCode);
        Assert.Equal("一般课题", Seed.Category);
        Assert.Equal(Title, Seed.ProjectTitle);
        Assert.Equal("杨卓", Seed.LeaderName);
        Assert.Equal("中共巴中市巴州区委党校", Seed.UnitName);
        Assert.Equal(new DateOnly(2025, 10, 16), Seed.FillDate);
        Assert.Equal("2025 年 10 月", Seed.FormMonth);
    }

    [Fact]
    public void Declaration_reads_the_marked_box_and_both_marked_is_unknown()
    {
        Assert.False(Seed.Sensitive);
        Assert.Null(Seed.Classified);
    }

    [Fact]
    public void Change_table_is_read_by_labels()
    {
        Assert.Equal(Title, Seed.ResultTitle);
        Assert.False(Seed.Changed);
        Assert.Equal("", Seed.ChangeDescription);
        Assert.Equal("论文 1 篇", Seed.PlannedOutputForm);
        Assert.Equal("论文 1 篇", Seed.CurrentOutputForm);
        Assert.Equal(new DateOnly(2025, 10, 1), Seed.PlannedCompletion);
        Assert.Equal(new DateOnly(2025, 10, 1), Seed.ActualCompletion);
    }

    [Fact]
    public void Leaders_are_read_from_their_three_row_blocks()
    {
        var expected = new SeedLeader(
            "杨卓", "男", "汉", 1985, 7, "中共巴中市巴州区委党校", "常务副校长", "",
            "巴中市恩阳区黄石路 8 号", "15282706916");

        Assert.Equal(expected, Seed.OriginalLeader);
        Assert.Equal(expected, Seed.CurrentLeader);
    }

    [Fact]
    public void Participants_are_read_in_order_including_the_row_after_the_page_break()
    {
        SeedParticipant[] expected =
        [
            new("唐华林", "中共巴中市巴州区委党校", "干部", "19983661986"),
            new("李亚军", "中共巴中市巴州区委组织部", "股长", "18729767393"),
        ];

        Assert.Equal(expected, Seed.OriginalParticipants);
        Assert.Equal(expected, Seed.CurrentParticipants);
    }

    [Fact]
    public void Report_opens_with_title_abstract_and_keywords()
    {
        var paragraphs = ReportMarkup.Parse(Seed.ReportText);

        Assert.Equal(ParagraphRole.Title, paragraphs[0].Role);
        Assert.Equal(Title, paragraphs[0].Text);
        Assert.Equal(ParagraphRole.Abstract, paragraphs[1].Role);
        Assert.Equal(SeedReportLines()[1], paragraphs[1].Text);
        Assert.StartsWith("摘要：本文深入研究了巴州区加快建设人才创新集聚地的战略意义", paragraphs[1].Text);
        Assert.EndsWith("提供坚实的人才支撑。", paragraphs[1].Text);
        Assert.Equal(ParagraphRole.Keywords, paragraphs[2].Role);
        Assert.Equal("关键词：人才；创新；集聚地", paragraphs[2].Text);
    }

    [Fact]
    public void Report_headings_come_out_in_order_with_their_levels()
    {
        (ParagraphRole, string)[] expected =
        [
            (ParagraphRole.Heading1, "一、引言"),
            (ParagraphRole.Heading1, "二、巴州区建设人才创新集聚地的重要意义"),
            (ParagraphRole.Heading2, "（一）推动经济高质量发展的核心动力"),
            (ParagraphRole.Heading2, "（二）促进社会全面进步的关键支撑"),
            (ParagraphRole.Heading2, "（三）提升区域竞争力的战略举措"),
            (ParagraphRole.Heading1, "三、巴州区人才工作现状"),
            (ParagraphRole.Heading2, "（一）人才引进成果"),
            (ParagraphRole.Heading2, "（二）人才培养体系"),
            (ParagraphRole.Heading2, "（三）人才使用机制"),
            (ParagraphRole.Heading2, "（四）人才服务保障"),
            (ParagraphRole.Heading1, "四、巴州区建设人才创新集聚地面临的挑战"),
            (ParagraphRole.Heading2, "（一）人才竞争压力大"),
            (ParagraphRole.Heading2, "（二）产业对人才的吸附力不足"),
            (ParagraphRole.Heading2, "（三）人才发展环境有待优化"),
            (ParagraphRole.Heading2, "（四）人才结构不合理"),
            (ParagraphRole.Heading1, "五、巴州区加快建设人才创新集聚地的策略建议"),
            (ParagraphRole.Heading2, "（一）创新人才引进模式"),
            (ParagraphRole.Heading2, "（二）优化人才发展环境"),
            (ParagraphRole.Heading2, "（三）强化人才与产业融合发展"),
            (ParagraphRole.Heading2, "（四）完善人才培养与开发体系"),
            (ParagraphRole.Heading2, "（五）加强人才服务与管理"),
        ];

        var headings = ReportMarkup.Parse(Seed.ReportText)
            .Where(p => p.Role is ParagraphRole.Heading1 or ParagraphRole.Heading2 or ParagraphRole.Heading3)
            .Select(p => (p.Role, p.Text));

        Assert.Equal(expected, headings);
    }

    [Fact]
    public void Report_has_every_page_break_cut_rejoined()
    {
        var paragraphs = ReportMarkup.Parse(Seed.ReportText);

        // 54 non-empty seed lines, 9 of them continuations of the paragraph before a page break.
        Assert.Equal(54, SeedReportLines().Count);
        Assert.Equal(45, paragraphs.Count);
        Assert.Single(paragraphs, p => p.Text.StartsWith("在当今知识", StringComparison.Ordinal)
            && p.Text.Contains("直接决定了区域创新能力的强弱", StringComparison.Ordinal));
        // Each seam is where a page broke mid-sentence; the continuation now sits inside one paragraph.
        string[] seams =
        [
            "直接决定了区域创新能力", "生物医药等优势产业", "使得人才流动更加频繁", "文旅康养、中医药产业专项",
            "纳入“书记工程”，区委书记", "巴州区人均 **GDP** 较低", "风险投资、天使投资",
            "现代农业科技、文旅创意", "现代农业产业发展需求",
        ];
        var lines = Seed.ReportText.Split('\n');
        Assert.All(seams, seam => Assert.Single(lines, l => l.Contains(seam, StringComparison.Ordinal)));
        Assert.Contains("招引食品饮料、商贸物流、生物医药、文旅康养、项目建设等专业人才 **126** 名。", Seed.ReportText, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_body_paragraphs_all_end_with_final_punctuation()
    {
        var unfinished = ReportMarkup.Parse(Seed.ReportText)
            .Where(p => p.Role is ParagraphRole.Body or ParagraphRole.Abstract)
            .Select(p => p.Text.TrimEnd().TrimEnd('”', '’', '）', ')', '》', '】'))
            .Where(text => !"。！？；…".Contains(text[^1], StringComparison.Ordinal));

        Assert.Empty(unfinished);
    }

    [Fact]
    public void Report_keeps_every_character_of_the_seed()
    {
        var expected = WithoutWhitespace(string.Concat(SeedReportLines()));

        Assert.Equal(expected, WithoutWhitespace(Seed.ReportText));
    }

    [Fact]
    public void Participants_table_split_by_a_page_break_keeps_all_rows()
    {
        const string original =
            "原 参\t姓 名\t单 位\t\t\t职 称\t\t联系电话\t\t\n" +
            "\t唐华林\t中共巴中市巴州区委党校\t\t\t干部\t\t19983661986\t\t\n" +
            "\t王 芳\t巴中市社会科学界联合会\t\t\t科员\t\t13800000000\t\t\n" +
            "\n" +
            "与 人 员\t李亚军\t中共巴中市巴州区委组织部\t股长\t18729767393\n";
        var text = ReplaceOnce(SeedText, OriginalParticipantsBlock(), original);

        var parsed = ReferenceSeedParser.Parse(text);

        Assert.Equal(
            [
                new SeedParticipant("唐华林", "中共巴中市巴州区委党校", "干部", "19983661986"),
                new SeedParticipant("王芳", "巴中市社会科学界联合会", "科员", "13800000000"),
                new SeedParticipant("李亚军", "中共巴中市巴州区委组织部", "股长", "18729767393"),
            ],
            parsed.OriginalParticipants);
        Assert.Equal(2, parsed.CurrentParticipants.Count);
    }

    [Theory]
    [InlineData("是☒ 否☒", null)]
    [InlineData("是☐ 否☐", null)]
    [InlineData("是☒ 否☐", true)]
    [InlineData("是☐ 否☒", false)]
    public void Sensitive_choice_is_unknown_unless_exactly_one_box_is_marked(string boxes, bool? expected)
    {
        var text = ReplaceOnce(SeedText, "出版的内容：是☐ 否☒", "出版的内容：" + boxes);

        Assert.Equal(expected, ReferenceSeedParser.Parse(text).Sensitive);
    }

    [Fact]
    public void Missing_project_code_is_a_format_error_naming_it()
    {
        var text = ReplaceOnce(SeedText, "立 项 编 号 BZ25YB027", "");

        var error = Assert.Throws<FormatException>(() => ReferenceSeedParser.Parse(text));

        Assert.Contains("立项编号", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_report_is_a_format_error_naming_it()
    {
        var text = ReplaceOnce(SeedText, "最 终 成 果", "");

        var error = Assert.Throws<FormatException>(() => ReferenceSeedParser.Parse(text));

        Assert.Contains("最终成果", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The seed's non-empty lines after “最 终 成 果”, read independently of the parser.</summary>
    private static List<string> SeedReportLines()
    {
        var lines = SeedText.Replace("\r\n", "\n").Split('\n').ToList();
        var start = lines.FindIndex(l => l.Trim() == "最 终 成 果");
        Assert.True(start >= 0);
        return lines.Skip(start + 1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    private static string OriginalParticipantsBlock()
    {
        var lines = SeedText.Replace("\r\n", "\n").Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("原 参\t", StringComparison.Ordinal));
        var end = lines.FindIndex(l => l.StartsWith("与 人 员\t", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start);
        return string.Join("\n", lines.Skip(start).Take(end - start + 1)) + "\n";
    }

    private static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{oldValue}' not found in the seed");
        Assert.Equal(-1, text.IndexOf(oldValue, at + 1, StringComparison.Ordinal));
        return string.Concat(text.AsSpan(0, at), newValue, text.AsSpan(at + oldValue.Length));
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
