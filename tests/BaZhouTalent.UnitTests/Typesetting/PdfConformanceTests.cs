using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>
/// Every kind of PDF the portal produces is well formed (qpdf --check clean: complete zlib streams) and carries
/// the facts of PDF/A-2b, read back: sRGB output intent, XMP naming part 2 conformance B, no transparency group,
/// every font embedded, no encryption.
/// </summary>
public class PdfConformanceTests
{
    public static TheoryData<string> Kinds => ["a4", "a3", "report", "certificate"];

    private static byte[] Render(string kind)
    {
        var model = LongModels.Recorded(300);
        return kind switch
        {
            "a4" => PrintService.RenderA4(model),
            "a3" => PrintService.RenderA3Booklet(model),
            "report" => PrintService.RenderReport(model),
            _ => new CertificateDocument(LongModels.Certificate(30, 20)).Render(),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Passes_qpdf_check(string kind) => Qpdf.AssertClean(Render(kind), kind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Carries_the_facts_of_PDF_A_2b(string kind) => PdfA.AssertArchivable(Render(kind), kind);
}
