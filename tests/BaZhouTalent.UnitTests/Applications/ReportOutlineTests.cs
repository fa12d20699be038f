using BaZhouTalent.Application.Applications;

namespace BaZhouTalent.UnitTests.Applications;

public class ReportOutlineTests
{
    [Fact]
    public void Outline_shows_title_abstract_keywords_headings_and_counts()
    {
        var outline = ReportOutline.From("研究题目\n摘要：本文研究。\n关键词：人才；创新\n一、引言\n正文**加粗**内容\n（一）现状\n1.数据\n（1）不是标题");

        Assert.Equal("研究题目", outline.Title);
        Assert.Equal("摘要：本文研究。", outline.Abstract);
        Assert.Equal("关键词：人才；创新", outline.Keywords);
        Assert.Equal([new OutlineHeading(1, "一、引言"), new OutlineHeading(2, "（一）现状"), new OutlineHeading(3, "1.数据")], outline.Headings);
        Assert.Equal(8, outline.ParagraphCount);
        Assert.Equal("研究题目摘要：本文研究。关键词：人才；创新一、引言正文加粗内容（一）现状1.数据（1）不是标题".Length, outline.CharacterCount);
    }

    [Fact]
    public void Blind_review_warns_about_names_and_units_in_the_text_ignoring_spacing()
    {
        var warnings = ReportOutline.BlindReviewWarnings("题目\n本文由杨卓与李亚军完成，中共巴中市巴州区委党校支持。",
            ["杨 卓"], ["唐华林", "李亚军", ""], ["中共巴中市巴州区委党校"]);

        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("项目负责人姓名“杨卓”"));
        Assert.Contains(warnings, w => w.Contains("参与人员姓名“李亚军”"));
        Assert.Contains(warnings, w => w.Contains("单位名称“中共巴中市巴州区委党校”"));
    }

    [Fact]
    public void No_warning_when_no_name_appears() =>
        Assert.Empty(ReportOutline.BlindReviewWarnings("题目\n正文", ["杨卓"], ["唐华林"], ["某单位"]));
}
