using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// PDFsharp 6.2.4 writes a character outside the Basic Multilingual Plane (𬌗, 𫖯: 193 of the 8,105 standard
/// characters) into a font's ToUnicode CMap as a five-digit code, where PDF requires its UTF-16 surrogate pair,
/// so copying or searching the text yields a wrong character. <see cref="PdfFinisher"/> rewrites those entries
/// after saving.
/// </summary>
internal static partial class ToUnicodeRepair
{
    // A destination of five or six hex digits: a code point above U+FFFF written as one number.
    [GeneratedRegex(@"<([0-9A-Fa-f]{5,6})>")]
    private static partial Regex WideDestination();

    /// <summary>The stream's data with wide destinations rewritten, or the data itself when it is no such CMap.</summary>
    public static byte[] Repair(byte[] data)
    {
        var cmap = Encoding.ASCII.GetString(data);
        if (!cmap.Contains("beginbfchar", StringComparison.Ordinal) && !cmap.Contains("beginbfrange", StringComparison.Ordinal)) return data;
        var repaired = WideDestination().Replace(cmap, m => "<" + Utf16Hex(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)) + ">");
        return repaired == cmap ? data : Encoding.ASCII.GetBytes(repaired);
    }

    private static string Utf16Hex(int codePoint)
    {
        if (codePoint <= 0xFFFF) return codePoint.ToString("X4", CultureInfo.InvariantCulture);
        var pair = char.ConvertFromUtf32(codePoint);
        return string.Concat(pair.Select(u => ((int)u).ToString("X4", CultureInfo.InvariantCulture)));
    }
}
