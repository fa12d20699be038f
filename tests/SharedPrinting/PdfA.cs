using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace BaZhouTalent.Tests.Printing;

/// <summary>The facts of PDF/A-2b read back from a produced PDF (docs/print-rules.md).</summary>
public static class PdfA
{
    /// <summary>
    /// An sRGB output intent, XMP naming part 2 conformance B and repeating the title, no page transparency group,
    /// every font embedded (subset-prefixed), no encryption.
    /// </summary>
    public static void AssertArchivable(byte[] pdf, string name)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.False(document.IsEncrypted, $"{name} is encrypted");

        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.Data.ContainsKey("OutputIntents"), $"{name} has no output intent");
        var intents = (ArrayToken)Resolve(document, catalog.Data["OutputIntents"]);
        var intent = (DictionaryToken)Resolve(document, Assert.Single(intents.Data));
        Assert.Equal("GTS_PDFA1", ((NameToken)intent.Data["S"]).Data);
        Assert.Equal("sRGB IEC61966-2.1", ((StringToken)intent.Data["OutputConditionIdentifier"]).Data);
        var profile = (StreamToken)Resolve(document, intent.Data["DestOutputProfile"]);
        Assert.Equal(3, ((NumericToken)profile.StreamDictionary.Data["N"]).Int);

        Assert.True(document.TryGetXmpMetadata(out var xmp), $"{name} has no XMP metadata");
        var xml = Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", xml, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", xml, StringComparison.Ordinal);
        Assert.Contains(document.Information.Title!, xml, StringComparison.Ordinal);

        foreach (var page in document.GetPages())
        {
            Assert.False(page.Dictionary.ContainsKey(NameToken.Create("Group")), $"{name} page {page.Number} has a transparency group");
            foreach (var font in page.Letters.Select(l => l.FontName).Distinct())
                Assert.Matches("^[A-Z]{6}\\+", font); // a subset prefix: the font program is embedded
        }
    }

    private static IToken Resolve(PdfDocument document, IToken token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
}
