using System.Buffers.Binary;

namespace BaZhouTalent.Typesetting.Fonts;

/// <summary>Reads a TrueType cmap's Unicode subtable (format 12 preferred, else format 4) into a lookup.</summary>
internal static class CmapReader
{
    public static Dictionary<int, ushort> Read(byte[] data, int cmap)
    {
        var span = data.AsSpan();
        var count = BinaryPrimitives.ReadUInt16BigEndian(span[(cmap + 2)..]);
        int? format4 = null, format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + i * 8;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(span[record..]);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(span[(record + 2)..]);
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(span[(record + 4)..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode) continue;
            if (format == 12) format12 ??= offset;
            else if (format == 4) format4 ??= offset;
        }
        if (format12 is { } f12) return ReadFormat12(span, f12);
        if (format4 is { } f4) return ReadFormat4(span, f4);
        throw new InvalidDataException("The font has no Unicode cmap.");
    }

    private static Dictionary<int, ushort> ReadFormat12(ReadOnlySpan<byte> span, int offset)
    {
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(span[(offset + 12)..]);
        var map = new Dictionary<int, ushort>();
        for (var g = 0; g < groups; g++)
        {
            var at = offset + 16 + g * 12;
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(span[at..]);
            var end = (int)BinaryPrimitives.ReadUInt32BigEndian(span[(at + 4)..]);
            var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(span[(at + 8)..]);
            for (var c = start; c <= end; c++)
                if (glyph + c - start != 0) map[c] = (ushort)(glyph + c - start);
        }
        return map;
    }

    private static Dictionary<int, ushort> ReadFormat4(ReadOnlySpan<byte> span, int offset)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(span[(offset + 6)..]) / 2;
        var ends = offset + 14;
        var starts = ends + segments * 2 + 2;
        var deltas = starts + segments * 2;
        var rangeOffsets = deltas + segments * 2;
        var map = new Dictionary<int, ushort>();
        for (var s = 0; s < segments; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(span[(ends + s * 2)..]);
            var start = BinaryPrimitives.ReadUInt16BigEndian(span[(starts + s * 2)..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(span[(deltas + s * 2)..]);
            var rangeOffsetAt = rangeOffsets + s * 2;
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(span[rangeOffsetAt..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                    glyph = (c + delta) & 0xFFFF;
                else
                {
                    var at = rangeOffsetAt + rangeOffset + (c - start) * 2;
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(span[at..]);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) map[c] = (ushort)glyph;
            }
        }
        return map;
    }
}
