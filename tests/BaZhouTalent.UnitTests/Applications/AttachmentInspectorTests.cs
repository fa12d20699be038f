using System.IO.Compression;
using System.Text;
using BaZhouTalent.Application.Applications;

namespace BaZhouTalent.UnitTests.Applications;

/// <summary>The content checks alone: what is accepted as which type, and why the rest is refused.</summary>
public class AttachmentInspectorTests
{
    private static readonly AttachmentOptions Limits = new();

    [Fact]
    public void A_real_docx_jpeg_png_and_pdf_are_recognised_by_their_bytes()
    {
        Assert.Equal(AttachmentFileType.Docx, AttachmentInspector.Inspect(DocxFiles.FromMarkup("成果简介\n正文。"), "简介.docx", Limits).Type);
        Assert.Equal(AttachmentFileType.Jpeg, AttachmentInspector.Inspect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "证书.JPG", Limits).Type);
        Assert.Equal(AttachmentFileType.Png, AttachmentInspector.Inspect([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0], "截图.png", Limits).Type);
        Assert.Equal(AttachmentFileType.Pdf, AttachmentInspector.Inspect(PdfFiles.Page(), "报告.pdf", Limits).Type);
    }

    [Theory]
    [InlineData("%PDF-1.4 << /OpenAction << /S /JavaScript /JS (x) >> >>", "可自动运行的脚本")]
    [InlineData("%PDF-1.4 << /S /J#61vaScript >>", "可自动运行的脚本")]
    [InlineData("%PDF-1.4 << /AA << /O << /S /Launch /F (a.exe) >> >> >>", "可启动其他程序的动作")]
    [InlineData("%PDF-1.4 << /Type /EmbeddedFile >>", "嵌入的其他文件")]
    public void Pdf_actions_are_found_even_when_their_names_are_escaped(string pdf, string plain)
    {
        var result = AttachmentInspector.Inspect(Encoding.ASCII.GetBytes(pdf), "a.pdf", Limits);
        Assert.Null(result.Type);
        // Named in the user's words, never by the PDF's own name (“/JavaScript” is jargon to a researcher).
        Assert.Contains(plain, result.Refusal);
        Assert.DoesNotContain("/", result.Refusal);
    }

    [Fact]
    public void A_pdf_that_only_mentions_scripts_in_its_text_is_accepted()
    {
        // “JavaScript” as words in a string, not a /Name.
        var result = AttachmentInspector.Inspect(PdfFiles.Page("JavaScript and JS", info: "<< /Title (About JavaScript and JS) >>"), "a.pdf", Limits);
        Assert.Equal(AttachmentFileType.Pdf, result.Type);
    }

    [Fact]
    public void A_macro_enabled_document_renamed_docx_is_refused_by_its_content_types()
    {
        using var stream = new MemoryStream();
        stream.Write(DocxFiles.FromMarkup("正文"));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var types = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var reader = new StreamReader(types.Open())) xml = reader.ReadToEnd();
            types.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write(xml.Replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal));
        }
        Assert.Contains("宏", AttachmentInspector.Inspect(stream.ToArray(), "a.docx", Limits).Refusal);
    }

    [Fact]
    public void A_docx_whose_parts_expand_beyond_the_limit_is_refused()
    {
        var result = AttachmentInspector.Inspect(DocxFiles.ZipBomb(8), "a.docx", new AttachmentOptions { MaxUncompressedBytes = 1024 * 1024 });
        Assert.Null(result.Type);
        Assert.Contains("异常庞大", result.Refusal);
    }

    [Theory]
    [InlineData("成果简介.pdf", "成果简介.pdf")]
    [InlineData(@"C:\Users\杨卓\Desktop\成果简介.pdf", "成果简介.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..", "")]
    [InlineData("a\u0000b<>|.pdf", "ab.pdf")]
    [InlineData("成果简介\u202Egnp.pdf", "成果简介gnp.pdf")] // right-to-left override: would show as “…fdp.png”
    [InlineData("\u2067简介\u2069\u200F\u200E\u061C.pdf", "简介.pdf")] // isolates and direction marks
    [InlineData("a\u2028b\u2029c\u0085.pdf", "abc.pdf")] // line and paragraph separators, NEL
    [InlineData("\uD800报告\uE000.pdf", "报告.pdf")] // a lone surrogate, a private-use character
    [InlineData("报\u200B告\uFEFF\u00AD.pdf", "报告.pdf")]
    public void Uploaded_names_lose_folders_and_unsafe_characters(string uploaded, string expected)
    {
        Assert.Equal(expected, UploadAttachment.CleanFileName(uploaded));
    }
}
