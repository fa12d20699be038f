using System.IO.Compression;
using System.Text;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Typesetting;
using BaZhouTalent.UnitTests.Typesetting;

namespace BaZhouTalent.UnitTests.Applications;

/// <summary>
/// What the hostile suite passed through the old inspector, each now refused by the real parse; and what real producers
/// write (our own PDFs, Word's object streams, local templates, harmless fields) still accepted.
/// </summary>
public class HostileFileTests
{
    private static readonly AttachmentOptions Limits = new();

    public static TheoryData<string, string, string> Hostile() => HostileFiles.Cases();

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Each_hostile_file_is_refused_by_the_real_parse(string kind, string fileName, string reason)
    {
        var result = AttachmentInspector.Inspect(HostileFiles.Make(kind), fileName, Limits);
        Assert.Null(result.Type);
        Assert.Contains(reason, result.Refusal);
    }

    [Fact]
    public void Real_files_pass_our_own_PDFs_object_streams_local_templates_and_harmless_fields()
    {
        var seed = new SeedPdfFixture();
        foreach (var pdf in new[] { seed.A4, seed.Booklet, seed.Report, PdfFiles.Page(),
                     PdfFiles.WithObjectStream("/PageLabels 7 0 R", "FlateDecode", ["<< /Nums [0 << /S /D >>] >>"]),
                     PdfFiles.WithObjectStream("/AcroForm 7 0 R", "ASCIIHexDecode", ["<< /Fields [] /XFA 8 0 R >>"],
                         new PdfFiles.Obj("<< >>", "<xdp:xdp><template><subform name=\"form1\"/></template></xdp:xdp>"u8.ToArray())) })
        {
            var result = AttachmentInspector.Inspect(pdf, "报告.pdf", Limits);
            Assert.True(result.Type == AttachmentFileType.Pdf, result.Refusal);
        }
        foreach (var docx in new[] { DocxFiles.FromMarkup("成果简介\n正文。"), DocxFiles.WithTemplate("file:///C:/Users/Public/Normal.dotm"),
                     DocxFiles.WithField(" PAGE "), DocxFiles.WithField(" TOC \\o \"1-3\" "), DocxFiles.WithField(" HYPERLINK \"https://www.bzskl.cn/\" ") })
        {
            var result = AttachmentInspector.Inspect(docx, "成果.docx", Limits);
            Assert.True(result.Type == AttachmentFileType.Docx, result.Refusal);
        }
        Assert.Equal(AttachmentFileType.Png, AttachmentInspector.Inspect(ImageFiles.Png(), "截图.png", Limits).Type);
        Assert.Equal(AttachmentFileType.Jpeg, AttachmentInspector.Inspect(ImageFiles.GreyJpeg, "证书.jpg", Limits).Type);
    }

    [Fact]
    public void A_pdf_that_cannot_be_parsed_is_refused_unread()
    {
        var result = AttachmentInspector.Inspect("%PDF-1.7\nnot a PDF at all\n"u8.ToArray(), "报告.pdf", Limits);
        Assert.Null(result.Type);
        Assert.Contains("无法检查其内容", result.Refusal);
    }

    [Fact]
    public void A_pdf_object_stream_inflating_past_the_budget_is_refused()
    {
        var bomb = PdfFiles.Page(extra: new PdfFiles.Obj("<< /Filter /FlateDecode >>", PdfFiles.Zlib(new byte[64 * 1024 * 1024])));
        var result = AttachmentInspector.Inspect(bomb, "报告.pdf", new AttachmentOptions { MaxUncompressedBytes = 16 * 1024 * 1024 });
        Assert.Contains("异常庞大", result.Refusal);
    }

    /// <summary>
    /// The 1.6 MB .docx that inflates to 1 GB: refused once the parts pass the budget, read a buffer at a time. What the
    /// inspection allocates is measured (allocation, unlike time, does not depend on the machine): before streaming it
    /// buffered up to the budget (200 MB, in doubling arrays) and raised memory by about 470 MB.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_docx_inflating_to_a_gigabyte_is_refused_without_holding_it(bool asText)
    {
        var bomb = DocxFiles.ZipBomb(1024, asText);
        Assert.InRange(bomb.Length, 512 * 1024, 2 * 1024 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = AttachmentInspector.Inspect(bomb, "成果.docx", Limits);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("异常庞大", result.Refusal);
        Assert.True(allocated < 32L * 1024 * 1024, $"the inspection allocated {allocated / (1024 * 1024)} MB");
    }
}
