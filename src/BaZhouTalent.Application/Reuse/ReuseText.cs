using System.Text;
using System.Text.RegularExpressions;

namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// A report reduced to what reuse is measured on: NFKC (full-width Ａ１ → A1, compatibility ideographs → unified),
/// then only Han characters, Latin letters (lower case) and digits; whitespace, punctuation and everything else dropped,
/// so changed punctuation, inserted spaces and full/half-width swaps leave the sequence unchanged. The form's fixed
/// headings (<see cref="ReuseOptions.Headings"/>) are left out whole. Each kept character remembers its offset in the
/// original text, so a passage found here is marked in the text the reader sees.
/// </summary>
public sealed class ReuseText
{
    private ReuseText(int[] characters, int[] offsets, int[] widths, string original)
    {
        Characters = characters;
        Offsets = offsets;
        Widths = widths;
        Original = original;
    }

    /// <summary>The kept characters as code points.</summary>
    public int[] Characters { get; }

    /// <summary>For each kept character, its UTF-16 offset in <see cref="Original"/>.</summary>
    public int[] Offsets { get; }

    /// <summary>For each kept character, how many UTF-16 units it came from (2 outside the BMP).</summary>
    public int[] Widths { get; }

    public string Original { get; }

    public int Length => Characters.Length;

    /// <summary>The original span [start, end) of the kept characters [from, to).</summary>
    public (int Start, int Length) OriginalSpan(int from, int to)
    {
        var start = Offsets[from];
        var end = Offsets[to - 1] + Widths[to - 1];
        return (start, end - start);
    }

    private static readonly Regex Numbering = new(
        @"^\s*(第[一二三四五六七八九十百零〇\d]+[章节部分篇]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．)）])\s*",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static ReuseText Of(string text, IReadOnlyList<string> fixedHeadings)
    {
        var headings = new HashSet<string>(fixedHeadings.Select(Key), StringComparer.Ordinal);
        // A line much longer than every heading is not one (numbering and marks add a few characters): no need to look.
        var longest = fixedHeadings.Count == 0 ? 0 : fixedHeadings.Max(h => h.Length) + 16;
        var characters = new List<int>(text.Length);
        var offsets = new List<int>(text.Length);
        var widths = new List<int>(text.Length);
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (lineEnd - lineStart > longest || !headings.Contains(Key(text[lineStart..lineEnd])))
                Keep(text, lineStart, lineEnd, characters, offsets, widths);
            lineStart = lineEnd + 1;
        }
        return new ReuseText([.. characters], [.. offsets], [.. widths], text);
    }

    /// <summary>A line as compared with the fixed headings: markup, numbering and punctuation gone.</summary>
    private static string Key(string line)
    {
        var plain = Numbering.Replace(line.Replace("**", "", StringComparison.Ordinal), "");
        var key = new StringBuilder(plain.Length);
        foreach (var c in plain.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
                key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    private static void Keep(string text, int from, int to, List<int> characters, List<int> offsets, List<int> widths)
    {
        for (var i = from; i < to; i++)
        {
            int c = text[i];
            var width = 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < to && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }
            // The common cases without a normalisation call: ASCII, unified ideographs, CJK punctuation, full-width forms.
            if (c < 0x80)
                Add(c, i, width, characters, offsets, widths);
            else if (c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF)
                Add(c, i, width, characters, offsets, widths);
            else if (c is >= 0x3000 and <= 0x303F && c != 0x3007)
            {
                // 、。「」《》 and the ideographic space: punctuation.
            }
            else if (c is >= 0xFF01 and <= 0xFF5E)
                Add(c - 0xFEE0, i, width, characters, offsets, widths);
            else if (!(width == 1 && char.IsSurrogate(text[i])))
            {
                // Anything else goes through NFKC on its own (ligatures and compatibility forms may give several).
                var normalized = text.Substring(i, width).Normalize(NormalizationForm.FormKC);
                for (var j = 0; j < normalized.Length; j++)
                {
                    var n = char.ConvertToUtf32(normalized, j);
                    if (n > 0xFFFF) j++;
                    Add(n, i, width, characters, offsets, widths);
                }
            }
            i += width - 1;
        }
    }

    private static void Add(int c, int offset, int width, List<int> characters, List<int> offsets, List<int> widths)
    {
        int kept;
        if (c is >= '0' and <= '9' or >= 'a' and <= 'z')
            kept = c;
        else if (c is >= 'A' and <= 'Z')
            kept = c + 32;
        else if (IsHan(c))
            kept = c;
        else if (c is >= 0xC0 and <= 0x24F && c != 0xD7 && c != 0xF7)
            kept = char.ToLowerInvariant((char)c);
        else
            return;
        characters.Add(kept);
        offsets.Add(offset);
        widths.Add(width);
    }

    /// <summary>The Han script's blocks: unified ideographs and extensions A–I, compatibility ideographs, 〇.</summary>
    public static bool IsHan(int c) =>
        c is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x323AF or >= 0xF900 and <= 0xFAFF
            or >= 0x2F800 and <= 0x2FA1F or 0x3007;

    /// <summary>For tests and docs: the kept characters as a string.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Length);
        foreach (var c in Characters)
            builder.Append(char.ConvertFromUtf32(c));
        return builder.ToString();
    }
}
