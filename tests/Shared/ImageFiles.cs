using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BaZhouTalent.Tests.Shared;

/// <summary>Real PNG and JPEG files made in the test, with the metadata a camera, a phone or an editor would leave in them.</summary>
internal static class ImageFiles
{
    /// <summary>
    /// A valid PNG (8-bit RGB), its pixels drawn from <paramref name="pixelSeed"/>, of about <paramref name="totalBytes"/>
    /// bytes when asked (the pixel data stored uncompressed), with <paramref name="chunks"/> before its image data.
    /// </summary>
    public static byte[] Png(int pixelSeed = 1, int totalBytes = 0, params (string Type, byte[] Data)[] chunks)
    {
        var width = 64;
        var height = Math.Max(1, (totalBytes - 100) / (width * 3 + 1));
        var random = new Random(pixelSeed);
        var raw = new byte[height * (width * 3 + 1)];
        random.NextBytes(raw);
        for (var row = 0; row < height; row++) raw[row * (width * 3 + 1)] = 0; // filter type None
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, totalBytes > 0 ? CompressionLevel.NoCompression : CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(raw);

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        foreach (var (type, data) in chunks) WriteChunk(png, type, data);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>tEXt: Latin-1 keyword and text.</summary>
    public static (string, byte[]) Text(string keyword, string text) =>
        ("tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);

    /// <summary>iTXt: UTF-8 text (Chinese names, e-mail), uncompressed.</summary>
    public static (string, byte[]) InternationalText(string keyword, string text) =>
        ("iTXt", [.. Encoding.Latin1.GetBytes(keyword), 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(text)]);

    /// <summary>zTXt: Latin-1 text, zlib-compressed.</summary>
    public static (string, byte[]) CompressedText(string keyword, string text)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.Latin1.GetBytes(text));
        return ("zTXt", [.. Encoding.Latin1.GetBytes(keyword), 0, 0, .. compressed.ToArray()]);
    }

    /// <summary>eXIf: an EXIF block (its strings readable), as phones write into PNG.</summary>
    public static (string, byte[]) Exif(string text) => ("eXIf", ExifBlock(text));

    /// <summary>An 8×8 grey baseline JPEG made by libjpeg (cjpeg -quality 50).</summary>
    public static readonly byte[] GreyJpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==");

    /// <summary>
    /// The grey JPEG with <paramref name="text"/> in every place metadata lives: EXIF (APP1), XMP (APP1), IPTC in a
    /// Photoshop block (APP13), a comment (COM), after its JFIF header.
    /// </summary>
    public static byte[] JpegWithMetadata(string text)
    {
        var xmp = Encoding.UTF8.GetBytes($"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>{text}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>");
        var segments = new List<(byte Marker, byte[] Data)>
        {
            (0xE1, [.. "Exif\0\0"u8.ToArray(), .. ExifBlock(text)]),
            (0xE1, xmp),
            (0xED, [.. "Photoshop 3.0\0"u8.ToArray(), .. Encoding.UTF8.GetBytes(text)]),
            (0xFE, Encoding.UTF8.GetBytes(text)),
        };
        var jfifEnd = 2 + 2 + BinaryPrimitives.ReadUInt16BigEndian(GreyJpeg.AsSpan(4));
        using var jpeg = new MemoryStream();
        jpeg.Write(GreyJpeg.AsSpan(0, jfifEnd));
        foreach (var (marker, data) in segments)
        {
            jpeg.Write([0xFF, marker]);
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(data.Length + 2));
            jpeg.Write(length);
            jpeg.Write(data);
        }
        jpeg.Write(GreyJpeg.AsSpan(jfifEnd));
        return jpeg.ToArray();
    }

    /// <summary>A little-endian TIFF/EXIF block with one ASCII tag (Artist) holding <paramref name="text"/> as UTF-8.</summary>
    private static byte[] ExifBlock(string text)
    {
        var value = Encoding.UTF8.GetBytes(text + "\0");
        var block = new byte[8 + 2 + 12 + 4 + value.Length];
        "II*\0"u8.CopyTo(block);
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(4), 8);
        BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(8), 1);
        BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(10), 0x013B); // Artist
        BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(12), 2); // ASCII
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(14), value.Length);
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(18), 26);
        value.CopyTo(block, 26);
        return block;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
