using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BaZhouTalent.Application.Applications.Files;

/// <summary>
/// The copy of a blind-safe file an expert receives: the same content without the metadata that names its author.
/// PDF: the document information dictionary emptied, every XMP /Metadata stream and /PieceInfo removed, annotation
/// authors (/T) dropped; .docx: core, extended (app) and custom properties, customXml parts, people.xml and thumbnails
/// removed, comment and revision authors replaced, an attached template's path reduced to its name, images inside
/// stripped too, embedded Office packages likewise; PNG: only the chunks that draw the image kept (no tEXt, zTXt,
/// iTXt, eXIf, tIME, iCCP …); JPEG: APPn segments other than JFIF and Adobe, and comments, removed. Null when the
/// file cannot be rewritten (e.g. an encrypted PDF): it is then refused as blind-safe at upload.
/// </summary>
public static class BlindCopy
{
    public static byte[]? Strip(byte[] content, string contentType)
    {
        try
        {
            return contentType switch
            {
                "application/pdf" => StripPdf(content),
                "image/png" => StripPng(content),
                "image/jpeg" => StripJpeg(content),
                _ when contentType == AttachmentFileType.Docx.ContentType => StripPackage(content),
                _ => null,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static byte[] StripPdf(byte[] content)
    {
        using var input = new MemoryStream(content, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        document.Info.Elements.Clear();
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary) continue;
            dictionary.Elements.Remove("/Metadata");
            dictionary.Elements.Remove("/PieceInfo");
            if (dictionary.Elements.GetName("/Type") == "/Annot") dictionary.Elements.Remove("/T");
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static readonly string[] DroppedParts = ["docprops/core.xml", "docprops/app.xml", "docprops/custom.xml", "word/people.xml"];
    private static readonly string[] DroppedRelationships = ["core-properties", "extended-properties", "custom-properties", "thumbnail", "customxml", "people"];
    private static readonly string[] OfficePackages = [".docx", ".xlsx", ".pptx"];
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static bool Dropped(string name, HashSet<string> targeted) =>
        targeted.Contains(name) || DroppedParts.Contains(name) || name.StartsWith("docprops/thumbnail", StringComparison.Ordinal)
        || name.StartsWith("customxml/", StringComparison.Ordinal);

    /// <summary>
    /// The parts the property relationships point at, wherever the producer put them (System.IO.Packaging writes the
    /// core properties under package/services/metadata/), as lower-case entry names.
    /// </summary>
    private static HashSet<string> PropertyParts(ZipArchive package)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            // word/_rels/document.xml.rels speaks for word/; _rels/.rels for the package root.
            var folder = Path.GetDirectoryName(Path.GetDirectoryName(entry.FullName))?.Replace('\\', '/') ?? "";
            using var stream = entry.Open();
            foreach (var relationship in Load(stream).Root!.Elements())
            {
                var type = (relationship.Attribute("Type")?.Value ?? "").ToLowerInvariant();
                if (!DroppedRelationships.Contains(type[(type.LastIndexOf('/') + 1)..])
                    || string.Equals(relationship.Attribute("TargetMode")?.Value, "External", StringComparison.OrdinalIgnoreCase)) continue;
                var target = relationship.Attribute("Target")?.Value ?? "";
                var path = target.StartsWith('/') ? target.TrimStart('/') : Path.GetFullPath(Path.Combine("/" + folder, target)).TrimStart('/');
                parts.Add(path.Replace('\\', '/').ToLowerInvariant());
            }
        }
        return parts;
    }

    private static byte[] StripPackage(byte[] content)
    {
        using var source = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var dropped = PropertyParts(source);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var name = entry.FullName.ToLowerInvariant();
                if (Dropped(name, dropped)) continue;
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (name == "[content_types].xml") WithoutDroppedOverrides(from, to, dropped);
                else if (name.EndsWith(".rels", StringComparison.Ordinal)) WithoutDroppedRelationships(from, to);
                else if (name.StartsWith("word/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal)) WithoutAuthors(from, to);
                else if (name.EndsWith(".png", StringComparison.Ordinal)) to.Write(StripPng(ReadAll(from)));
                else if (name.EndsWith(".jpg", StringComparison.Ordinal) || name.EndsWith(".jpeg", StringComparison.Ordinal)) to.Write(StripJpeg(ReadAll(from)));
                else if (OfficePackages.Any(e => name.EndsWith(e, StringComparison.Ordinal))) to.Write(StripPackage(ReadAll(from)));
                else from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XDocument Load(Stream part) => XDocument.Load(XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));

    private static void WithoutDroppedOverrides(Stream from, Stream to, HashSet<string> dropped)
    {
        var types = Load(from);
        types.Root!.Elements().Where(e => e.Attribute("PartName")?.Value is { } part && Dropped(part.TrimStart('/').ToLowerInvariant(), dropped)).Remove();
        types.Save(to, SaveOptions.DisableFormatting);
    }

    private static void WithoutDroppedRelationships(Stream from, Stream to)
    {
        var relationships = Load(from);
        foreach (var relationship in relationships.Root!.Elements().ToList())
        {
            var type = (relationship.Attribute("Type")?.Value ?? "").ToLowerInvariant();
            var kind = type[(type.LastIndexOf('/') + 1)..];
            if (DroppedRelationships.Contains(kind)) relationship.Remove();
            // A local template's path names the author's account (C:\Users\…); its file name is all Word needs.
            else if (kind == "attachedtemplate" && relationship.Attribute("Target") is { } path)
                path.Value = Path.GetFileName(path.Value.Replace('\\', '/'));
        }
        relationships.Save(to, SaveOptions.DisableFormatting);
    }

    /// <summary>Copies a Word part node by node (it may be large), with comment and revision authors neutral.</summary>
    private static void WithoutAuthors(Stream from, Stream to)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    var empty = reader.IsEmptyElement;
                    while (reader.MoveToNextAttribute())
                    {
                        var value = reader.NamespaceURI == WordNamespace && reader.LocalName == "author" ? "作者"
                            : reader.NamespaceURI == WordNamespace && reader.LocalName == "initials" ? ""
                            : reader.Value;
                        writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, value);
                    }
                    if (empty) writer.WriteEndElement();
                    break;
                case XmlNodeType.EndElement: writer.WriteFullEndElement(); break;
                case XmlNodeType.Text: writer.WriteString(reader.Value); break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace: writer.WriteWhitespace(reader.Value); break;
                case XmlNodeType.CDATA: writer.WriteCData(reader.Value); break;
                case XmlNodeType.XmlDeclaration: writer.WriteStartDocument(); break;
                case XmlNodeType.ProcessingInstruction: writer.WriteProcessingInstruction(reader.Name, reader.Value); break;
            }
        }
    }

    /// <summary>The chunks that draw a PNG (or an animated one); everything else, text and EXIF among it, is left out.</summary>
    private static readonly HashSet<string> DrawingChunks = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "pHYs", "bKGD", "acTL", "fcTL", "fdAT"];

    private static byte[] StripPng(byte[] content)
    {
        using var output = new MemoryStream();
        output.Write(content.AsSpan(0, 8));
        for (var at = 8; at + 12 <= content.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(at));
            if (length < 0 || at + 12L + length > content.Length) throw new InvalidDataException("A PNG chunk runs past the file.");
            var type = System.Text.Encoding.ASCII.GetString(content, at + 4, 4);
            if (DrawingChunks.Contains(type)) output.Write(content.AsSpan(at, 12 + length));
            at += 12 + length;
            if (type == "IEND") break; // nothing after the image's end
        }
        return output.ToArray();
    }

    private static byte[] StripJpeg(byte[] content)
    {
        if (content.Length < 4 || content[0] != 0xFF || content[1] != 0xD8) throw new InvalidDataException("Not a JPEG.");
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        var at = 2;
        while (at + 1 < content.Length)
        {
            if (content[at] != 0xFF) throw new InvalidDataException("A JPEG marker was expected.");
            var marker = content[at + 1];
            if (marker == 0xFF) { at++; continue; } // fill byte
            if (marker == 0xD9) { output.Write([0xFF, 0xD9]); break; } // the image's end; nothing after it
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) { output.Write(content.AsSpan(at, 2)); at += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(content.AsSpan(at + 2));
            var segment = content.AsSpan(at, 2 + length);
            var keep = marker switch
            {
                0xE0 => segment.Length > 9 && (segment[4..9].SequenceEqual("JFIF\0"u8) || segment[4..9].SequenceEqual("JFXX\0"u8)),
                0xEE => true, // Adobe: colour transform, no text
                >= 0xE1 and <= 0xEF or 0xFE => false, // EXIF, XMP, ICC, IPTC/Photoshop …, comments
                _ => true,
            };
            if (keep) output.Write(segment);
            at += 2 + length;
            if (marker != 0xDA) continue;
            // After a scan header comes entropy-coded data up to the next marker that is not a restart or a stuffed 0xFF.
            var start = at;
            while (at + 1 < content.Length && !(content[at] == 0xFF && content[at + 1] != 0x00 && content[at + 1] is not (>= 0xD0 and <= 0xD7)))
                at++;
            output.Write(content.AsSpan(start, at - start));
        }
        return output.ToArray();
    }
}
