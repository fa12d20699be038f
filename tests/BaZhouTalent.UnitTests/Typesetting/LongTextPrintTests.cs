using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.PrintModel;
using UglyToad.PdfPig;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>
/// The form with the longest texts the portal accepts, read back: every opinion whole, its signature after its
/// last line with 60 mm between, nothing below the type area; sections paired on a page only while both fit.
/// </summary>
public class LongTextPrintTests
{
    public static TheoryData<int> Lengths => [0, 300, 800, 1100, PrintLimits.Opinion];

    /// <summary>What each of 二–五 must print for <see cref="Recorded"/>.</summary>
    public static PaperChecks.Section[] Sections(ApplicationPrintModel model) =>
    [
        new("二、申请人所在单位审核意见", Last(model.UnitOpinion!.Opinion, "2.最终结果的内容质量是否符合预期研究目标："), "签 章",
            "中共巴中市巴州区委党校（教研室主任 李明）", "2025 年 11 月 3 日", "核验码：U7K2-9QXD", "https://skl.bazhong.example/verify"),
        new("三、县（区）社科联意见", Last(model.CountyOpinion!.Opinion, "2.是否同意结项："), "单位（公章）:",
            "巴州区社会科学界联合会", "负责人签字: 主席 赵六", "2025 年 11 月 3 日", "核验码：C4N6-3HJK"),
        new("四、专家鉴定意见", Last(model.ExpertOpinion!.Opinion, "3.鉴定等级：优秀"), "主审专家签字：",
            "主审专家签字： 李四", "2025 年 11 月 3 日", "核验码：E3M8-2PLA"),
        new("五、市社科联审核意见", Last(model.FederationOpinion!.Reason, "结项证书编号：巴社科结〔2025〕001号"), "单位（公章）:",
            "巴中市社会科学界联合会（科研规划科科长 王建华）", "2025 年 11 月 3 日", "核验码：F5R1-7TWC"),
    ];

    private static string Last(string? opinion, string otherwise) => string.IsNullOrEmpty(opinion) ? otherwise : opinion;

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_opinion_prints_whole_with_its_signature_after_its_last_line(int length)
    {
        var model = LongModels.Recorded(length);
        var a4 = PrintService.RenderA4(model);
        PaperChecks.SectionsHold(a4, Sections(model));
        // The booklet holds the same pages, two to a sheet, padded to a multiple of four.
        using var booklet = PdfDocument.Open(PrintService.RenderA3Booklet(model));
        using var pages = PdfDocument.Open(a4);
        Assert.Equal((pages.NumberOfPages + 3) / 4 * 2, booklet.NumberOfPages);
    }

    [Fact]
    public void A_maximum_opinion_continues_under_its_heading_marked_continued_and_its_first_part_says_so()
    {
        var model = LongModels.Recorded(PrintLimits.Opinion);
        var letters = PaperChecks.Letters(PrintService.RenderA4(model));
        string PageText(int page) => string.Concat(letters.Where(l => l.Page == page).Select(l => l.Letter.Value));
        var first = letters.First(l => PageText(l.Page).Contains("二、申请人所在单位审核意见", StringComparison.Ordinal)).Page;
        Assert.Contains("（转下页）", PageText(first), StringComparison.Ordinal);
        Assert.DoesNotContain("签章", PageText(first), StringComparison.Ordinal);
        Assert.StartsWith("二、申请人所在单位审核意见（续）", PageText(first + 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Short_recorded_sections_without_room_to_sign_take_a_page_each_and_blank_ones_stay_paired()
    {
        static int PageOf(byte[] pdf, string text) =>
            PaperChecks.Letters(pdf).GroupBy(l => l.Page).First(g => string.Concat(g.Select(l => l.Letter.Value)).Contains(text, StringComparison.Ordinal)).Key;
        var blank = PrintService.RenderA4(SeedPrint.Model());
        Assert.Equal(PageOf(blank, "二、申请人所在单位审核意见"), PageOf(blank, "三、县（区）社科联意见"));
        Assert.Equal(PageOf(blank, "四、专家鉴定意见"), PageOf(blank, "五、市社科联审核意见"));

        // A city-level application: 三 prints 不适用 with no signature, so it still shares 二's page.
        var cityLevel = LongModels.Recorded(0) with { CountyOpinion = CountyOpinionPrint.NotApplicable };
        var pdf = PrintService.RenderA4(cityLevel);
        Assert.Equal(PageOf(pdf, "二、申请人所在单位审核意见"), PageOf(pdf, "不适用"));
        PaperChecks.SectionsHold(pdf, [Sections(cityLevel)[0] with { }, .. Sections(cityLevel)[2..]]);
    }

    [Theory]
    [InlineData(20, 12, 3)]
    [InlineData(PrintLimits.Title, 100, 50)]
    public void The_cover_keeps_its_issuing_line_on_the_first_page_whatever_the_title_and_unit(int title, int unit, int leader)
    {
        var seed = SeedPrint.Model();
        var model = seed with
        {
            Cover = seed.Cover with
            {
                ProjectTitle = LongText.Title(title, "项目"),
                UnitName = LongText.Title(unit, "单位"),
                LeaderName = leader <= 3 ? "杨卓" : LongText.Title(leader, "姓名"),
            },
        };
        var letters = PaperChecks.Letters(PrintService.RenderA4(model));
        var cover = string.Concat(letters.Where(l => l.Page == 0).Select(l => l.Letter.Value));
        foreach (var text in new[] { model.Cover.ProjectTitle, model.Cover.UnitName, model.Cover.LeaderName, "巴中市社会科学界联合会制", "2025年10月" })
            Assert.Contains(text, cover, StringComparison.Ordinal);
        Assert.StartsWith("声明", string.Concat(letters.Where(l => l.Page == 1).Select(l => l.Letter.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_decision_prints_once_when_the_opinion_opens_with_it()
    {
        var model = LongModels.Recorded(0) with { FederationOpinion = LongModels.Recorded(0).FederationOpinion! with { Reason = "同意结项。成果质量较高。" } };
        var text = string.Concat(PaperChecks.Letters(PrintService.RenderA4(model)).Select(l => l.Letter.Value));
        var federation = text[text.IndexOf("五、市社科联审核意见", StringComparison.Ordinal)..];
        Assert.Equal(1, CountOf(federation, "同意结项"));
        Assert.Contains("同意结项。成果质量较高。", federation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bracketed_signer_never_breaks_inside_its_brackets()
    {
        var model = LongModels.Recorded(0) with
        {
            UnitOpinion = LongModels.Recorded(0).UnitOpinion! with
            {
                Signature = new SignaturePrint("李明", "中共巴中市巴州区委党校经济学教研部", new DateOnly(2025, 11, 3), "U7K2-9QXD", "教研室主任"),
            },
        };
        var letters = PaperChecks.Letters(PrintService.RenderA4(model));
        var text = string.Concat(letters.Select(l => l.Letter.Value));
        var at = text.IndexOf("（教研室主任李明）", StringComparison.Ordinal);
        Assert.True(at >= 0);
        var signer = letters.GetRange(at, "（教研室主任李明）".Length);
        Assert.All(signer, l => Assert.Equal(signer[0].Letter.StartBaseLine.Y, l.Letter.StartBaseLine.Y, 0.1));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
