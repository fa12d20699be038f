using System.IO.Compression;
using System.Text;

namespace BaZhouTalent.Tests.Shared;

/// <summary>
/// PDFs written object by object, as a hostile or a careless producer would: a real page, streams with any filter
/// chain, objects hidden in object streams behind a cross-reference stream, planted metadata.
/// </summary>
internal static class PdfFiles
{
    /// <summary>An indirect object: its dictionary (or any direct object) and, for a stream, its raw data.</summary>
    public sealed record Obj(string Body, byte[]? Stream = null);

    /// <summary>
    /// One page saying <paramref name="text"/> (objects 1–5: catalog, pages, page, content, font), then
    /// <paramref name="extra"/> as objects 6, 7, …; <paramref name="catalogExtra"/> goes into the catalog,
    /// <paramref name="info"/> is the trailer's /Info dictionary. Padded by a stream to <paramref name="size"/> bytes when asked.
    /// </summary>
    public static byte[] Page(string text = "Summary", int size = 0, string catalogExtra = "", string? info = null, params Obj[] extra)
    {
        var objects = PageObjects(text, catalogExtra).Concat(extra).ToList();
        if (info is not null) objects.Add(new Obj(info));
        var bytes = Write(objects, info is null ? null : objects.Count);
        if (size <= bytes.Length) return bytes;
        objects.Insert(5, new Obj("<< >>", Encoding.ASCII.GetBytes(new string(' ', size - bytes.Length - 64))));
        return Write(objects, info is null ? null : objects.Count);
    }

    private static List<Obj> PageObjects(string text, string catalogExtra)
    {
        var content = Encoding.ASCII.GetBytes($"BT /F1 24 Tf 72 720 Td ({text}) Tj ET");
        return
        [
            new($"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>"),
            new("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            new("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            new("<< >>", content),
            new("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        ];
    }

    /// <summary>Objects 1… with a classic cross-reference table; /Length is added to every stream's dictionary.</summary>
    public static byte[] Write(IReadOnlyList<Obj> objects, int? infoObject = null)
    {
        using var pdf = new MemoryStream();
        Ascii(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            WriteObject(pdf, i + 1, objects[i]);
        }
        var xref = pdf.Position;
        Ascii(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Ascii(pdf, $"{offset:D10} 00000 n \n");
        Ascii(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {(infoObject is { } info ? $"/Info {info} 0 R" : "")} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>
    /// One page whose catalog points (with <paramref name="catalogExtra"/>) at objects kept only inside an object stream
    /// (number 6, its data encoded by <paramref name="filter"/>), found through a cross-reference stream, as PDF 1.5 writes.
    /// <paramref name="hidden"/> become objects 7, 8, …; <paramref name="plain"/> follow them as ordinary objects.
    /// </summary>
    public static byte[] WithObjectStream(string catalogExtra, string filter, string[] hidden, params Obj[] plain)
    {
        var first = 7;
        var header = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < hidden.Length; i++)
        {
            header.Append($"{first + i} {body.Length} ");
            body.Append(hidden[i]).Append('\n');
        }
        var objectStreamData = Encoding.ASCII.GetBytes(header.ToString() + body);
        var offsetOfFirst = Encoding.ASCII.GetByteCount(header.ToString());
        var objects = PageObjects("Summary", catalogExtra);
        objects.Add(new Obj($"<< /Type /ObjStm /N {hidden.Length} /First {offsetOfFirst} /Filter /{filter} >>", Encode(filter, objectStreamData)));
        var plainFirst = first + hidden.Length;

        using var pdf = new MemoryStream();
        Ascii(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new Dictionary<int, long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i + 1] = pdf.Position;
            WriteObject(pdf, i + 1, objects[i]);
        }
        for (var i = 0; i < plain.Length; i++)
        {
            offsets[plainFirst + i] = pdf.Position;
            WriteObject(pdf, plainFirst + i, plain[i]);
        }
        var xrefNumber = plainFirst + plain.Length;
        var xrefOffset = pdf.Position;
        var size = xrefNumber + 1;
        var rows = new List<byte>();
        void Row(byte type, long field2, int field3) => rows.AddRange([type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3]);
        for (var n = 0; n < size; n++)
        {
            if (n == 0) Row(0, 0, 65535);
            else if (n == xrefNumber) Row(1, xrefOffset, 0);
            else if (offsets.TryGetValue(n, out var offset)) Row(1, offset, 0);
            else Row(2, 6, n - first);
        }
        WriteObject(pdf, xrefNumber, new Obj($"<< /Type /XRef /Size {size} /W [1 4 2] /Root 1 0 R >>", [.. rows]));
        Ascii(pdf, $"startxref\n{xrefOffset}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>Data encoded by one filter: FlateDecode, ASCIIHexDecode or ASCII85Decode (the last as PdfPig reads it).</summary>
    public static byte[] Encode(string filter, byte[] data) => filter switch
    {
        "FlateDecode" => Zlib(data),
        "ASCIIHexDecode" => Encoding.ASCII.GetBytes(Convert.ToHexString(data) + ">"),
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    public static byte[] Zlib(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return compressed.ToArray();
    }

    /// <summary>A PDF text string as UTF-16BE hex with its BOM, as producers write Chinese metadata.</summary>
    public static string Utf16(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static void WriteObject(Stream pdf, int number, Obj obj)
    {
        if (obj.Stream is null)
        {
            Ascii(pdf, $"{number} 0 obj\n{obj.Body}\nendobj\n");
            return;
        }
        var dictionary = obj.Body.TrimEnd();
        dictionary = dictionary[..^2] + $" /Length {obj.Stream.Length} >>";
        Ascii(pdf, $"{number} 0 obj\n{dictionary}\nstream\n");
        pdf.Write(obj.Stream);
        Ascii(pdf, "\nendstream\nendobj\n");
    }

    private static void Ascii(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
