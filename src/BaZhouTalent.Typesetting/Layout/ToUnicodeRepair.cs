using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// PDFsharp 6.2.4 writes a character outside the Basic Multilingual Plane (𬌗, 𫖯: 193 of the 8,105 standard
/// characters) into a font's ToUnicode CMap as a five-digit code, where PDF requires its UTF-16 surrogate pair,
/// so copying or searching the text yields a wrong character. This rewrites those entries after saving; it runs
/// only for documents that drew such a character.
/// </summary>
internal static partial class ToUnicodeRepair
{
    // A destination of five or six hex digits: a code point above U+FFFF written as one number.
    [GeneratedRegex(@"<([0-9A-Fa-f]{5,6})>")]
    private static partial Regex WideDestination();

    public static bool NeedsRepair(string text)
    {
        foreach (var c in text)
            if (char.IsSurrogate(c)) return true;
        return false;
    }

    public static byte[] Repair(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var changed = false;
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary { Stream: { } stream } dictionary) continue;
            var bytes = stream.UnfilteredValue;
            var cmap = Encoding.ASCII.GetString(bytes);
            if (!cmap.Contains("beginbfchar", StringComparison.Ordinal) && !cmap.Contains("beginbfrange", StringComparison.Ordinal)) continue;
            var repaired = WideDestination().Replace(cmap, m => "<" + Utf16Hex(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)) + ">");
            if (repaired == cmap) continue;
            dictionary.Elements.Remove("/Filter");
            dictionary.Elements.Remove("/DecodeParms");
            stream.Value = Encoding.ASCII.GetBytes(repaired);
            changed = true;
        }
        if (!changed) return pdf;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Utf16Hex(int codePoint)
    {
        if (codePoint <= 0xFFFF) return codePoint.ToString("X4", CultureInfo.InvariantCulture);
        var pair = char.ConvertFromUtf32(codePoint);
        return string.Concat(pair.Select(u => ((int)u).ToString("X4", CultureInfo.InvariantCulture)));
    }
}
