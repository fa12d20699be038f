using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;
using BaZhouTalent.Typesetting.PrintModel;
using UglyToad.PdfPig;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>
/// The 结项证书 lays itself out: one framed page for every title and name the forms accept, the QR code and the
/// issuer block never over the table or any text, an exempted project's own wording and grade.
/// </summary>
public class CertificateLayoutTests
{
    public static TheoryData<int, int, int, int> Sizes => new()
    {
        { 12, 0, 12, 3 },
        { 35, 0, 20, 3 },
        { 64, 60, 30, 3 },
        { PrintLimits.Title, PrintLimits.Title, 100, 50 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_accepted_title_fits_one_page_with_the_QR_code_and_issuer_clear_of_the_table(int title, int result, int unit, int leader)
    {
        var model = LongModels.Certificate(title, result, unit, leader);
        var document = new CertificateDocument(model);
        Assert.True(document.FitsOnePage);
        PaperChecks.CertificateLaidOut(document.Render(), model);
    }

    [Fact]
    public void A_long_title_is_set_smaller_and_a_short_one_in_3_hao()
    {
        static double StatementSize(CertificatePrintModel model)
        {
            using var document = PdfDocument.Open(new CertificateDocument(model).Render());
            return document.GetPage(1).Letters.First(l => l.Value == "同").PointSize;
        }
        Assert.Equal(16, StatementSize(LongModels.Certificate(12, 0)), 0.1);
        Assert.True(StatementSize(LongModels.Certificate(PrintLimits.Title, PrintLimits.Title, 100, 50)) < 16);
    }

    [Fact]
    public void An_exempted_project_reads_exempted_with_the_grade_set_or_exempted_grade()
    {
        static string Text(CertificatePrintModel model)
        {
            using var document = PdfDocument.Open(new CertificateDocument(model).Render());
            return string.Concat(document.GetPage(1).Letters.Select(l => l.Value).Where(v => !string.IsNullOrWhiteSpace(v)));
        }
        var graded = Text(LongModels.Certificate(20, 0, exempted: true, grade: "良好"));
        Assert.Contains("经审核免于鉴定，鉴定等级为“良好”，准予结项。", graded, StringComparison.Ordinal);
        Assert.DoesNotContain("经专家鉴定", graded, StringComparison.Ordinal);

        var ungraded = Text(LongModels.Certificate(20, 0, exempted: true, grade: CertificatePrintModel.NoGrade));
        Assert.Contains("经审核免于鉴定，准予结项。", ungraded, StringComparison.Ordinal);
        Assert.Contains("鉴定等级免鉴", ungraded, StringComparison.Ordinal);
        Assert.Contains("鉴定等级良好（免于鉴定）", graded, StringComparison.Ordinal);
        Assert.DoesNotContain("—", ungraded, StringComparison.Ordinal);
    }

    [Fact]
    public void No_seal_guide_is_printed_over_the_issuer()
    {
        using var document = PdfDocument.Open(new CertificateDocument(LongModels.Certificate(20, 0)).Render());
        var page = document.GetPage(1);
        // Only the frame, the table's rules and the QR code's modules are drawn: no grey dashed circle.
        Assert.DoesNotContain(page.Paths, p => p.IsStroked && p.GetBoundingRectangle() is { } b && Math.Abs(b.Width - b.Height) < 1 && b.Width > 100);
    }
}
