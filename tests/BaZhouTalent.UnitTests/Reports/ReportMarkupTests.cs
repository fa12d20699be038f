using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.UnitTests.Reports;

public class ReportMarkupTests
{
    [Fact]
    public void Bold_marks_become_bold_runs()
    {
        var runs = ReportMarkup.ParseRuns("区人均 **GDP** 较低，共 **8**个。");

        Assert.Equal(
            [new TextRun("区人均 "), new TextRun("GDP", true), new TextRun(" 较低，共 "), new TextRun("8", true), new TextRun("个。")],
            runs);
    }

    [Fact]
    public void Unclosed_mark_stays_literal()
    {
        var runs = ReportMarkup.ParseRuns("a**b");

        Assert.Equal([new TextRun("a**b")], runs);
    }

    [Fact]
    public void Roles_follow_position_prefix_and_numbering()
    {
        var paragraphs = ReportMarkup.Parse("题目\n\n摘要：内容。\n关键词：甲；乙\n一、引言\n正文。\n（一）小节\n1.细目");

        Assert.Equal(
            [ParagraphRole.Title, ParagraphRole.Abstract, ParagraphRole.Keywords, ParagraphRole.Heading1,
             ParagraphRole.Body, ParagraphRole.Heading2, ParagraphRole.Heading3],
            paragraphs.Select(p => p.Role));
    }

    [Fact]
    public void Format_round_trips_through_parse()
    {
        const string text = "题目\n正文 **加粗** 结尾。";

        var parsed = ReportMarkup.Parse(text);

        Assert.Equal(text, ReportMarkup.Format(parsed.Select(p => p.Runs)));
    }
}
