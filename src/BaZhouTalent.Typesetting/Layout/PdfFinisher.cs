using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// The last pass over every PDF the portal produces, on the bytes PDFsharp saved:
/// <list type="bullet">
/// <item>each Flate stream is completed with its Adler-32 trailer, which PDFsharp 6.2.4 leaves out and strict
/// readers (qpdf --check) report once per stream;</item>
/// <item>ToUnicode maps of characters beyond the BMP are repaired (<see cref="ToUnicodeRepair"/>);</item>
/// <item>the file is made PDF/A-2b for archiving: the pages' transparency groups removed, an sRGB output intent,
/// and XMP metadata (pdfaid part 2, conformance B) that repeats the document information. Every font is already
/// embedded as a subset and nothing is encrypted.</item>
/// </list>
/// Measured on the seed's A4 form (docs/print-rules.md): the pass adds about 4 KB and a few milliseconds per file,
/// so the screen copies get it too and there is one kind of PDF.
/// </summary>
internal static partial class PdfFinisher
{
    private const string IccResource = "PdfSharp.Resources.sRGB2014.icc";
    private const string OutputCondition = "sRGB IEC61966-2.1";

    public static byte[] Finish(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        foreach (var item in document.Internals.GetAllObjects())
            if (item is PdfDictionary { Stream: not null } dictionary) Complete(dictionary);
        // With no colour mode set PDFsharp adds no page transparency group on saving (PdfPage.WriteObject).
        document.Options.ColorMode = PdfColorMode.Undefined;
        foreach (var page in document.Pages)
            page.Elements.Remove("/Group");
        AddOutputIntent(document);
        var info = document.Info;
        info.ModificationDate = info.CreationDate;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var metadata = document.Internals.Catalog.Elements.GetReference("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp wrote no metadata stream.");
        AppendMetadata(output, metadata.ObjectNumber, Xmp(info));
        return output.ToArray();
    }

    /// <summary>
    /// Completes a Flate stream: PDFsharp's deflate data is whole, only the checksum of the decoded bytes is missing,
    /// so it is appended (deflating again would cost three times as much). A repaired ToUnicode map is compressed anew.
    /// </summary>
    private static void Complete(PdfDictionary dictionary)
    {
        if (dictionary.Elements.GetName("/Filter") != "/FlateDecode" || dictionary.Elements.ContainsKey("/DecodeParms")) return;
        var stream = dictionary.Stream;
        var data = stream.UnfilteredValue;
        var repaired = ToUnicodeRepair.Repair(data);
        if (!ReferenceEquals(repaired, data))
        {
            stream.Value = Compress(repaired);
            return;
        }
        var encoded = stream.Value;
        var checksum = Adler32(data);
        if (encoded.Length >= 6 && encoded.AsSpan(encoded.Length - 4).SequenceEqual(checksum)) return;
        stream.Value = [.. encoded, .. checksum];
    }

    /// <summary>RFC 1950's Adler-32 of <paramref name="data"/>, most significant byte first.</summary>
    private static byte[] Adler32(byte[] data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        // 5552 bytes is the most that can be summed before the 32-bit sums must be reduced.
        for (var start = 0; start < data.Length; start += 5552)
        {
            var end = Math.Min(start + 5552, data.Length);
            for (var i = start; i < end; i++)
            {
                a += data[i];
                b += a;
            }
            a %= Modulus;
            b %= Modulus;
        }
        var sum = (b << 16) | a;
        return [(byte)(sum >> 24), (byte)(sum >> 16), (byte)(sum >> 8), (byte)sum];
    }

    private static void AddOutputIntent(PdfDocument document)
    {
        using var icc = typeof(PdfDocument).Assembly.GetManifestResourceStream(IccResource)
            ?? throw new InvalidOperationException($"PDFsharp no longer carries {IccResource}.");
        using var bytes = new MemoryStream();
        icc.CopyTo(bytes);
        var profile = new PdfDictionary(document);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(Compress(bytes.ToArray()));
        profile.Elements.SetName("/Filter", "/FlateDecode");
        document.Internals.AddObject(profile);

        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", OutputCondition);
        intent.Elements.SetString("/Info", OutputCondition);
        intent.Elements.SetReference("/DestOutputProfile", profile);
        document.Internals.Catalog.Elements["/OutputIntents"] = new PdfArray(document, intent);
    }

    /// <summary>XMP that states PDF/A-2b and agrees with the document information dictionary, as PDF/A requires.</summary>
    private static string Xmp(PdfDocumentInformation info) => $"""
        <?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
            xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
           <pdfaid:part>2</pdfaid:part>
           <pdfaid:conformance>B</pdfaid:conformance>
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{SecurityElement.Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>
           <xmp:CreatorTool>{SecurityElement.Escape(info.Creator)}</xmp:CreatorTool>
           <xmp:CreateDate>{XmpDate(info.CreationDate)}</xmp:CreateDate>
           <xmp:ModifyDate>{XmpDate(info.ModificationDate)}</xmp:ModifyDate>
           <pdf:Producer>{SecurityElement.Escape(info.Producer)}</pdf:Producer>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """;

    /// <summary>
    /// PDFsharp 6.2.4 writes XMP of its own on every save, without the PDF/A identification, so ours replaces that
    /// object in an incremental update: the object again (uncompressed, so archive tools read it without a PDF
    /// parser), an xref section for it, and a trailer pointing back to PDFsharp's.
    /// </summary>
    private static void AppendMetadata(MemoryStream pdf, int objectNumber, string xmp)
    {
        var saved = Encoding.Latin1.GetString(pdf.GetBuffer(), 0, (int)pdf.Length);
        var trailer = saved[saved.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var previous = saved[(saved.LastIndexOf("startxref", StringComparison.Ordinal) + "startxref".Length)..].Trim().Split('\n')[0].Trim();
        string Entry(string key) => TrailerEntry().Matches(trailer).First(m => m.Groups[1].Value == key).Groups[2].Value.Trim();

        var body = new UTF8Encoding(false).GetBytes(xmp);
        pdf.Seek(0, SeekOrigin.End);
        var objectAt = pdf.Length + 1;
        Write(pdf, string.Create(CultureInfo.InvariantCulture, $"\n{objectNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length {body.Length}>>\nstream\n"));
        pdf.Write(body);
        var xrefAt = pdf.Length + "\nendstream\nendobj\n".Length;
        Write(pdf, string.Create(CultureInfo.InvariantCulture,
            $"\nendstream\nendobj\nxref\n{objectNumber} 1\n{objectAt:D10} 00000 n \ntrailer\n" +
            $"<</Size {Entry("Size")}/Root {Entry("Root")}/Info {Entry("Info")}/ID {Entry("ID")}/Prev {previous}>>\nstartxref\n{xrefAt}\n%%EOF\n"));
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));

    // /Key value, where a value is a reference (12 0 R), a number or an array up to its closing bracket.
    [GeneratedRegex(@"/(Size|Root|Info|ID)\s*(\d+\s+\d+\s+R|\d+|\[[^\]]*\])")]
    private static partial Regex TrailerEntry();

    private static string XmpDate(DateTime time) =>
        new DateTimeOffset(DateTime.SpecifyKind(time.ToUniversalTime(), DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return compressed.ToArray();
    }
}
