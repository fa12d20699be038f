using System.IO.Compression;
using System.Text;
using BaZhouTalent.Typesetting.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BaZhouTalent.Tests.Shared;

/// <summary>Word files made in the test: a report written as Word would hold it, and the bad files a portal must refuse.</summary>
internal static class DocxFiles
{
    /// <summary>A .docx of ReportMarkup text: one Word paragraph per line, bold runs bold, optional heading styles.</summary>
    public static byte[] FromMarkup(string markup, Func<string, int>? headingLevel = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                HeadingStyle("Heading1", "heading 1", 0),
                HeadingStyle("Heading2", "heading 2", 1),
                HeadingStyle("Heading3", "heading 3", 2));
            var body = new Body();
            foreach (var line in ReportMarkup.Parse(markup))
            {
                var paragraph = new Paragraph();
                var level = headingLevel?.Invoke(line.Text) ?? 0;
                if (level > 0)
                    paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" });
                foreach (var run in line.Runs)
                {
                    var r = new Run();
                    if (run.Bold) r.RunProperties = new RunProperties(new Bold());
                    r.Append(new Text(run.Text) { Space = SpaceProcessingModeValues.Preserve });
                    paragraph.Append(r);
                }
                body.Append(paragraph);
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Style HeadingStyle(string id, string name, int outline) =>
        new(new StyleName { Val = name }, new StyleParagraphProperties(new OutlineLevel { Val = outline }))
        { Type = StyleValues.Paragraph, StyleId = id };

    /// <summary>A package whose parts expand a thousandfold: tiny on disk, huge when read.</summary>
    public static byte[] ZipBomb(int uncompressedMegabytes = 64, bool asText = false)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", ContentTypes);
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var part = entry.Open();
            // Spaces between elements, or one run's text: both kinds of node an XML reader might gather into a string.
            if (asText) part.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, asText ? (byte)'a' : (byte)' ');
            for (var i = 0; i < uncompressedMegabytes; i++) part.Write(chunk);
        }
        return stream.ToArray();
    }

    /// <summary>The package with one more part, as a macro (word/vbaProject.bin) or an embedded object would add.</summary>
    public static byte[] WithEntry(byte[] docx, string entryName, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }

    /// <summary>A report whose settings attach a template at <paramref name="target"/> (External), as template injection does.</summary>
    public static byte[] WithTemplate(string target)
    {
        using var stream = new MemoryStream();
        stream.Write(FromMarkup("成果简介\n正文。"));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var settings = document.MainDocumentPart!.AddNewPart<DocumentSettingsPart>();
            var relationship = settings.AddExternalRelationship(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", new Uri(target, UriKind.RelativeOrAbsolute));
            settings.Settings = new Settings(new AttachedTemplate { Id = relationship.Id });
        }
        return stream.ToArray();
    }

    /// <summary>A report with a field whose instruction is typed over several runs (“DDE” “AUTO …”), as Word stores a field code.</summary>
    public static byte[] WithField(params string[] instructionRuns)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var paragraph = new Paragraph(new Run(new Text("成果简介")));
            paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
            foreach (var part in instructionRuns)
                paragraph.Append(new Run(new FieldCode(part) { Space = SpaceProcessingModeValues.Preserve }));
            paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            paragraph.Append(new Run(new Text("结果")));
            paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            main.Document = new Document(new Body(paragraph, new Paragraph(new Run(new Text("正文。")))));
        }
        return stream.ToArray();
    }

    /// <summary>A report whose every property part carries <paramref name="values"/>: core (creator, last modified by, title,
    /// subject, keywords, description, category), extended (company, manager) and custom properties, and a comment by them.</summary>
    public static byte[] WithProperties(params string[] values)
    {
        var all = string.Join(" ", values);
        using var stream = new MemoryStream();
        stream.Write(FromMarkup("成果简介\n正文。"));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var core = document.PackageProperties;
            core.Creator = values[0];
            core.LastModifiedBy = values[0];
            core.Title = all;
            core.Subject = all;
            core.Keywords = all;
            core.Description = all;
            core.Category = all;
            var app = document.AddExtendedFilePropertiesPart();
            app.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                new DocumentFormat.OpenXml.ExtendedProperties.Company(all), new DocumentFormat.OpenXml.ExtendedProperties.Manager(all));
            var custom = document.AddCustomFilePropertiesPart();
            custom.Properties = new DocumentFormat.OpenXml.CustomProperties.Properties(new DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty(
                new DocumentFormat.OpenXml.VariantTypes.VTLPWSTR(all)) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = "联系人" });
            var comments = document.MainDocumentPart!.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(new Paragraph(new Run(new Text("请核对。")))) { Id = "1", Author = values[0], Initials = values[0] });
        }
        return stream.ToArray();
    }

    /// <summary>A workbook package holding a VBA project, as Excel saves an .xlsm.</summary>
    public static byte[] MacroWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
            WriteEntry(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            using var vba = zip.CreateEntry("xl/vbaProject.bin").Open();
            vba.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        }
        return stream.ToArray();
    }

    /// <summary>A file that starts as a zip and then stops: a download cut short.</summary>
    public static byte[] Corrupt(byte[] docx) => docx[..(docx.Length / 2)];

    /// <summary>Windows program bytes, as an .exe renamed to .docx would carry.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[4096];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    private static void WriteEntry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
