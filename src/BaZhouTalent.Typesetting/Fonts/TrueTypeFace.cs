using System.Buffers.Binary;

namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>
/// One TrueType face: the bytes PDFsharp embeds plus the few tables the layout layer reads itself (cmap,
/// advance widths). Measuring through our own tables keeps line breaking free of PDFsharp calls, and the
/// cmap answers “does this face have the character” for per-character fallback and missing-glyph reports.
/// </summary>
internal sealed class TrueTypeFace
{
    private readonly Dictionary<int, ushort> _glyphByCodePoint;
    private readonly ushort[] _advances;
    private readonly double _unitsPerEm;
    private readonly int _glyf;
    private readonly int _loca;
    private readonly bool _longLoca;

    private TrueTypeFace(string key, byte[] data)
    {
        Key = key;
        Data = data;
        var tables = ReadTableDirectory(data);
        if (!tables.ContainsKey("glyf"))
            throw new InvalidDataException(
                $"Font '{key}' has no TrueType outlines; PDFsharp embeds CFF fonts whole. Convert it as Fonts/build-fonts.sh does.");
        var head = tables["head"];
        _unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(head + 18));
        _longLoca = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(head + 50)) == 1;
        _glyf = tables["glyf"];
        _loca = tables["loca"];
        var hhea = tables["hhea"];
        Ascender = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(hhea + 4)) / _unitsPerEm;
        Descender = -BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(hhea + 6)) / _unitsPerEm;
        var metricCount = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(hhea + 34));
        var hmtx = tables["hmtx"];
        _advances = new ushort[metricCount];
        for (var i = 0; i < metricCount; i++)
            _advances[i] = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(hmtx + i * 4));
        _glyphByCodePoint = CmapReader.Read(data, tables["cmap"]);
    }

    /// <summary>The unique name under which the face is registered with PDFsharp's font resolver.</summary>
    public string Key { get; }

    /// <summary>The font file as embedded.</summary>
    public byte[] Data { get; }

    /// <summary>Ascender as a fraction of the em.</summary>
    public double Ascender { get; }

    /// <summary>Descender (positive) as a fraction of the em.</summary>
    public double Descender { get; }

    public static TrueTypeFace Load(string key, byte[] data) => new(key, data);

    public bool Covers(int codePoint) => _glyphByCodePoint.ContainsKey(codePoint);

    /// <summary>Advance width of a character in ems; 0 for characters the face lacks.</summary>
    public double Advance(int codePoint)
    {
        if (!_glyphByCodePoint.TryGetValue(codePoint, out var glyph)) return 0;
        var index = Math.Min(glyph, _advances.Length - 1);
        return _advances[index] / _unitsPerEm;
    }

    /// <summary>
    /// The outline's bounding box of a character in ems (y up from the baseline), read from its glyf header;
    /// null when the face lacks it or the glyph is empty. Used to centre the √ in its box.
    /// </summary>
    public (double XMin, double YMin, double XMax, double YMax)? Bounds(int codePoint)
    {
        if (!_glyphByCodePoint.TryGetValue(codePoint, out var glyph)) return null;
        var span = Data.AsSpan();
        var (start, end) = _longLoca
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(span[(_loca + 4 * glyph)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(span[(_loca + 4 * glyph + 4)..]))
            : (2 * BinaryPrimitives.ReadUInt16BigEndian(span[(_loca + 2 * glyph)..]), 2 * BinaryPrimitives.ReadUInt16BigEndian(span[(_loca + 2 * glyph + 2)..]));
        if (end <= start) return null;
        var header = _glyf + start;
        double Read(int offset) => BinaryPrimitives.ReadInt16BigEndian(Data.AsSpan(header + offset)) / _unitsPerEm;
        return (Read(2), Read(4), Read(6), Read(8));
    }

    private static Dictionary<string, int> ReadTableDirectory(byte[] data)
    {
        var tag = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (tag == 0x74746366) // 'ttcf'
            throw new InvalidDataException("Font collections (.ttc) are not supported; extract one face as Fonts/build-fonts.sh does.");
        var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            var name = System.Text.Encoding.ASCII.GetString(data, record, 4);
            tables[name] = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 8));
        }
        return tables;
    }
}
