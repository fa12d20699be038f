using System.Globalization;
using System.Text;
using BaZhouTalent.Typesetting.Fonts;

namespace BaZhouTalent.Typesetting;

/// <summary>A character no bundled font can print, where it was typed: line (paragraph) and column, both from 1.</summary>
/// <param name="Character">The character (one code point, possibly a surrogate pair).</param>
/// <param name="Line">The line of a multi-line text, counting non-empty and empty lines alike; 1 for single-line fields.</param>
/// <param name="Column">The position in that line, in characters as the user sees them.</param>
public sealed record UnprintableCharacter(string Character, int Line, int Column)
{
    /// <summary>U+XXXX.</summary>
    public string CodePoint => "U+" + char.ConvertToUtf32(Character, 0).ToString("X4", CultureInfo.InvariantCulture);
}

/// <summary>
/// What text can be printed, checked where it is typed rather than when someone prints: invisible format
/// characters (zero-width spaces, BOM, direction marks, soft hyphens, variation selectors) are harmless and
/// removed, the rest is composed (NFC); a character that no bundled font has in every role (龑, 𠀀, emoji) is
/// refused. Checking against the bundled fonts alone is safe whatever is configured, since a configured font
/// only adds to a role's chain.
/// </summary>
public static class PrintableText
{
    private static readonly FontRole[] Roles = Enum.GetValues<FontRole>();

    /// <summary>The text without invisible format characters, NFC-composed; line breaks and spaces are kept.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.EnumerateRunes().Any(IsInvisible) && text.IsNormalized(NormalizationForm.FormC)) return text;
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            if (!IsInvisible(rune)) kept.Append(rune.ToString());
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether a character is removed by <see cref="Normalize"/> (and ignored when printing).</summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || rune.Value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF // variation selectors
        || (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t'));

    /// <summary>Characters of the normalised text that some role's fonts cannot print, in order, each once per place.</summary>
    public static IReadOnlyList<UnprintableCharacter> FindUnprintable(string? text)
    {
        var normalized = Normalize(text);
        var catalog = FontCatalog.For(null);
        var found = new List<UnprintableCharacter>();
        var line = 1;
        var column = 0;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                line++;
                column = 0;
                continue;
            }
            if (rune.Value == '\r') continue;
            column++;
            if (Rune.IsWhiteSpace(rune)) continue;
            if (Roles.Any(role => catalog.FaceFor(role, rune.Value) is null))
                found.Add(new UnprintableCharacter(rune.ToString(), line, column));
        }
        return found;
    }

    /// <summary>
    /// The Chinese message for the first unprintable character of a field, naming the field, the character and
    /// where it is; null when everything prints.
    /// </summary>
    public static string? Describe(string field, string? text, bool multiLine = false)
    {
        var found = FindUnprintable(text);
        if (found.Count == 0) return null;
        var first = found[0];
        var where = multiLine
            ? $"第 {first.Line} 段第 {first.Column} 个字"
            : $"第 {first.Column} 个字";
        var more = found.Count > 1 ? $"（共 {found.Count} 处）" : "";
        return $"{field}{where}“{first.Character}”（{first.CodePoint}）无法打印{more}：印刷字体中没有这个字符，请改用规范汉字或删去。";
    }
}
