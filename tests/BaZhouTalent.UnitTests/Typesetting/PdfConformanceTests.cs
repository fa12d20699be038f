using System.Text;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

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
        var model = LongTextPrintTests.Recorded(300);
        return kind switch
        {
            "a4" => PrintService.RenderA4(model),
            "a3" => PrintService.RenderA3Booklet(model),
            "report" => PrintService.RenderReport(model),
            _ => new CertificateDocument(CertificateLayoutTests.Model(30, 20)).Render(),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Passes_qpdf_check(string kind) => Qpdf.AssertClean(Render(kind), kind);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Carries_the_facts_of_PDF_A_2b(string kind)
    {
        using var document = PdfDocument.Open(Render(kind));
        Assert.False(document.IsEncrypted);

        var catalog = document.Structure.Catalog.CatalogDictionary;
        var intents = (ArrayToken)Resolve(document, catalog.Data["OutputIntents"]);
        var intent = (DictionaryToken)Resolve(document, Assert.Single(intents.Data));
        Assert.Equal("GTS_PDFA1", ((NameToken)intent.Data["S"]).Data);
        Assert.Equal("sRGB IEC61966-2.1", ((StringToken)intent.Data["OutputConditionIdentifier"]).Data);
        var profile = (StreamToken)Resolve(document, intent.Data["DestOutputProfile"]);
        Assert.Equal(3, ((NumericToken)profile.StreamDictionary.Data["N"]).Int);

        Assert.True(document.TryGetXmpMetadata(out var xmp));
        var xml = Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", xml, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", xml, StringComparison.Ordinal);
        Assert.Contains(document.Information.Title!, xml, StringComparison.Ordinal);

        foreach (var page in document.GetPages())
        {
            Assert.False(page.Dictionary.ContainsKey(NameToken.Create("Group")), $"page {page.Number} has a transparency group");
            foreach (var font in page.Letters.Select(l => l.FontName).Distinct())
                Assert.Matches("^[A-Z]{6}\\+", font); // a subset prefix: the font program is embedded
        }
    }

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
