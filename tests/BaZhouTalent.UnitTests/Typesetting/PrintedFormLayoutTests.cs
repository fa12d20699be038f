using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.Typesetting.Reports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>
/// The printed form measured from the PDF: room to write and seal in 二–五, sections paired on full pages, the
/// leader blocks in the seed's three rows, centred ticks, unbroken blind markers, non-BMP text read back.
/// </summary>
public class PrintedFormLayoutTests
{
    private const double Mm = 72 / 25.4;
    private static readonly DateOnly Signed = new(2025, 11, 3);

    private static ApplicationPrintModel Recorded(ApplicationPrintModel model) => model with
    {
        UnitOpinion = new UnitOpinionPrint(false, true, "同意报送。成果紧扣巴州区人才工作实际，数据翔实，对策可行。", new SignaturePrint("张三", "中共巴中市巴州区委党校", Signed, "U7K2-9QXD", "科研科科长")),
        CountyOpinion = new CountyOpinionPrint(false, false, true, "同意结项。", new SignaturePrint("赵六", "巴州区社科联", Signed, "C4N6-3HJK", "主席")),
        ExpertOpinion = new ExpertOpinionPrint(false, true, AppraisalGradePrint.Good, "研究扎实，建议结项。", "李四", Signed, "E3M8-2PLA"),
        FederationOpinion = new FederationOpinionPrint(true, null, new SignaturePrint("王五", "巴中市社会科学界联合会", Signed, "F5R1-7TWC", "科研规划科科长"), "巴社科结〔2025〕001号"),
        VerifyAddress = "https://skl.bazhong.example/verify",
    };

    /// <summary>Every page's letters (whitespace dropped) and the page they are on.</summary>
    private sealed class Pages
    {
        public Pages(byte[] pdf)
        {
            Pdf = pdf;
            using var document = PdfDocument.Open(pdf);
            foreach (var page in document.GetPages())
                All.Add([.. page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))]);
        }

        public List<List<Letter>> All { get; } = [];

        public byte[] Pdf { get; }

        public (int Page, List<Letter> Letters) Find(string text, int from = 0)
        {
            for (var p = from; p < All.Count; p++)
            {
                var joined = string.Concat(All[p].Select(l => l.Value));
                var at = joined.IndexOf(text, StringComparison.Ordinal);
                if (at >= 0) return (p, All[p].GetRange(at, text.Length));
            }
            throw new Xunit.Sdk.XunitException($"“{text}” is not printed.");
        }
    }

    /// <summary>White space between the bottom of one printed line and the top of a lower one, in mm.</summary>
    private static double GapMm(IReadOnlyList<Letter> above, IReadOnlyList<Letter> below)
    {
        var bottom = above.Min(l => l.StartBaseLine.Y - 0.12 * l.PointSize);
        var top = below.Max(l => l.StartBaseLine.Y + 0.88 * l.PointSize);
        return (bottom - top) / Mm;
    }

    /// <summary>The bottom edge (PDF y) of the ruled section box that encloses a point on a page.</summary>
    private static double BoxBottomBelow(byte[] pdf, int page, double y)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(page + 1).Paths
            .Select(p => p.GetBoundingRectangle())
            .Where(r => r is { } b && b.Width > 400 && b.Bottom < y && y < b.Top)
            .Select(r => r!.Value.Bottom)
            .Single();
    }

    [Fact]
    public void Blank_sections_two_to_five_leave_60_mm_to_write_and_seal_and_pair_on_full_pages()
    {
        var model = SeedPrint.Model();
        var pages = new Pages(PrintService.RenderA4(model));

        var unitItems = pages.Find("结果的内容质量是否符合预期研究目标。）");
        var unitSign = pages.Find("签章");
        var countyTitle = pages.Find("三、县（区）社科联意见");
        var countyItems = pages.Find("2.是否同意结项。）");
        var countySign = pages.Find("单位（公章）:", countyItems.Page);
        var expertTitle = pages.Find("四、专家鉴定意见");
        var expertItems = pages.Find("合格");
        var expertSign = pages.Find("主审专家签字");
        var federationTitle = pages.Find("五、市社科联审核意见");
        var federationSign = pages.Find("单位（公章）:", federationTitle.Page);

        // 二+三 on one page, 四+五 on the next.
        Assert.Equal(unitItems.Page, countyTitle.Page);
        Assert.Equal(expertTitle.Page, federationTitle.Page);
        Assert.Equal(countyTitle.Page + 1, expertTitle.Page);

        var unitFree = GapMm(unitItems.Letters, unitSign.Letters);
        var countyFree = GapMm(countyItems.Letters, countySign.Letters);
        var expertFree = GapMm(expertItems.Letters, expertSign.Letters);
        var federationFree = GapMm(federationTitle.Letters, federationSign.Letters);
        Assert.True(unitFree >= 60, $"二: {unitFree:F1} mm");
        Assert.True(countyFree >= 60, $"三: {countyFree:F1} mm");
        Assert.True(federationFree >= 60, $"五: {federationFree:F1} mm");
        Assert.True(expertFree >= 60, $"四: {expertFree:F1} mm");

        // Neither page is left mostly blank: the lower section's date line sits in the last tenth of the type area
        // (the type area ends 99 pt above the paper's edge, 638 pt below its top).
        foreach (var page in new[] { countyTitle.Page, federationTitle.Page })
        {
            var lowest = pages.All[page].Where(l => l.StartBaseLine.Y > 88).Min(l => l.StartBaseLine.Y);
            Assert.True(lowest < 99 + 64, $"page {page + 1}: lowest line at {lowest:F0} pt");
        }
    }

    [Fact]
    public void Recorded_sections_sign_at_the_foot_of_their_page_and_print_codes_signers_and_the_certificate_number()
    {
        var recorded = new Pages(PrintService.RenderA4(Recorded(SeedPrint.Model())));
        foreach (var title in new[] { "二、申请人所在单位审核意见", "三、县（区）社科联意见", "四、专家鉴定意见", "五、市社科联审核意见" })
        {
            // Each recorded section keeps its 60 mm and so takes its own page, ruled to the type area's foot: the
            // date line, the last of the signature block, sits just above it.
            var (page, letters) = recorded.Find(title);
            var date = recorded.All[page].SkipWhile(l => l != letters[0]).Last(l => l.Value == "年");
            Assert.InRange(date.StartBaseLine.Y, 99, 99 + 24);
        }
        var text = string.Concat(recorded.All.SelectMany(p => p).Select(l => l.Value));
        foreach (var expected in new[] { "核验码：U7K2-9QXD", "核验码：U7K2-9QXD核验网址：https://skl.bazhong.example/verify", "结项证书编号：巴社科结〔2025〕001号", "科研科科长张三", "主席赵六", "科研规划科科长王五" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("验证码", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300, 14)]
    [InlineData(800, 12)]
    public void An_opinion_is_set_in_4_hao_while_its_section_fits_a_page_and_in_xiao_si_beyond(int length, double size)
    {
        var model = Recorded(SeedPrint.Model());
        var opinion = LongText.Opinion(length, "成果紧扣");
        model = model with { UnitOpinion = model.UnitOpinion! with { Opinion = opinion } };
        var pages = new Pages(PrintService.RenderA4(model));
        Assert.Equal(size, pages.Find("成果紧扣").Letters[0].PointSize, 0.1);
    }

    [Fact]
    public void Leader_blocks_take_three_rows_as_in_the_seed()
    {
        var pages = new Pages(PrintService.RenderA4(SeedPrint.Model()));
        foreach (var side in new[] { "原负", "现负" })
        {
            var (page, sideLetters) = pages.Find(side);
            var after = pages.All[page].SkipWhile(l => l != sideLetters[0]).ToList();
            var joined = string.Concat(after.Select(l => l.Value));
            double Y(string label) => after[joined.IndexOf(label, StringComparison.Ordinal)].StartBaseLine.Y;
            // 所在单位, 行政职务 and 专业职务 share the second row; the block is three 24 pt rows tall.
            Assert.Equal(Y("所在单位"), Y("行政职务"), 0.5);
            Assert.Equal(Y("所在单位"), Y("专业职务"), 0.5);
            Assert.Equal(Y("通讯地址"), Y("联系电话"), 0.5);
            Assert.Equal(24, Y("姓名") - Y("所在单位"), 0.5);
            Assert.Equal(24, Y("所在单位") - Y("通讯地址"), 0.5);
            Assert.Contains("常务副校长", joined, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Participant_rows_stay_alike_when_the_vertical_side_label_needs_more_room()
    {
        var model = SeedPrint.Model();
        model = model with
        {
            Changes = model.Changes with
            {
                CurrentParticipants = [new ParticipantPrint("甲某某", "巴中市委党校", "讲师", "13800000001"), new ParticipantPrint("乙某某", "巴中市委党校", "讲师", "13800000002")],
            },
        };
        var pages = new Pages(PrintService.RenderA4(model));
        double Y(string text) => pages.Find(text).Letters[0].StartBaseLine.Y;
        // Header row, first and last participant: 现参与人员 (five characters set vertically) spans the three.
        var header = pages.All[pages.Find("现参").Page].Where(l => l.Value == "姓").Min(l => l.StartBaseLine.Y);
        var first = Y("甲某某");
        var last = Y("乙某某");
        Assert.Equal(header - first, first - last, 0.5);
    }

    [Fact]
    public void A_tick_is_centred_in_its_box()
    {
        var pdf = PrintService.RenderA4(Recorded(SeedPrint.Model()));
        using var document = PdfDocument.Open(pdf);
        var checked_ = 0;
        foreach (var page in document.GetPages())
        {
            var boxes = page.Paths
                .Select(p => p.GetBoundingRectangle())
                .Where(r => r is { } b && Math.Abs(b.Width - b.Height) < 0.5 && b.Width is > 6 and < 12)
                .Select(r => r!.Value)
                .ToList();
            foreach (var tick in page.Letters.Where(l => l.Value == "√" && l.StartBaseLine.Y > 88))
            {
                var glyph = tick.BoundingBox;
                var box = boxes.FirstOrDefault(b => b.Left < glyph.Centroid.X && glyph.Centroid.X < b.Right && b.Bottom < glyph.Centroid.Y && glyph.Centroid.Y < b.Top);
                if (box.Width == 0) continue; // the √ quoted in the printed text, not in a box
                Assert.Equal(box.Centroid.X, glyph.Centroid.X, 0.6);
                Assert.Equal(box.Centroid.Y, glyph.Centroid.Y, 0.6);
                checked_++;
            }
        }
        Assert.True(checked_ >= 7, $"{checked_} ticks in boxes");
    }

    public static TheoryData<string> Markers => [BaZhouTalent.Application.Security.BlindReview.HiddenText, "（盲审隐去）"];

    [Theory]
    [MemberData(nameof(Markers))]
    public void A_blind_marker_never_breaks_inside_a_narrow_cell(string marker)
    {
        var model = SeedPrint.Model();
        var hidden = new ParticipantPrint(marker, marker, "干部", marker);
        model = model with
        {
            Changes = model.Changes with
            {
                CurrentLeader = model.Changes.CurrentLeader with { Name = marker, Gender = marker, Unit = marker },
                CurrentParticipants = [hidden, hidden],
            },
        };
        var pages = new Pages(PrintService.RenderA4(model));
        var (page, _) = pages.Find("一、项目变更情况数据表");
        var letters = pages.All[page];
        var count = 0;
        for (var i = 0; i + marker.Length <= letters.Count; i++)
        {
            if (string.Concat(letters.Skip(i).Take(marker.Length).Select(l => l.Value)) != marker) continue;
            var run = letters.GetRange(i, marker.Length);
            Assert.All(run, l => Assert.Equal(run[0].StartBaseLine.Y, l.StartBaseLine.Y, 0.1));
            count++;
        }
        // Leader: name, gender, unit; two participants: name, unit, phone each.
        Assert.Equal(9, count);
    }

    public static TheoryData<string> Kinds => ["a4", "a3", "report"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Characters_outside_the_BMP_read_back_exactly_from_every_PDF_kind(string kind)
    {
        var model = SeedPrint.Model();
        model = model with
        {
            Changes = model.Changes with { CurrentLeader = model.Changes.CurrentLeader with { Name = "杨𬌗" } },
            Report = [.. model.Report.Take(2), new ReportParagraph(ParagraphRole.Body, [new TextRun("赵孟𫖯书法与𬌗字。", false)]), .. model.Report.Skip(2)],
        };
        var pdf = kind switch
        {
            "a4" => PrintService.RenderA4(model),
            "a3" => PrintService.RenderA3Booklet(model),
            _ => PrintService.RenderReport(model),
        };
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("赵孟𫖯书法与𬌗字。", PdfText.Squeeze(text), StringComparison.Ordinal);
        if (kind != "report") Assert.Contains("杨𬌗", PdfText.Squeeze(text), StringComparison.Ordinal);
        Assert.DoesNotContain("ⰱ", text, StringComparison.Ordinal);
    }
}
