using System.Text.RegularExpressions;

namespace BaZhouTalent.Typesetting.Reports;

/// <summary>
/// Decides a paragraph's heading level from its Chinese numbering, so that researchers never style anything:
/// “一、” is level 1, “（一）” level 2, “1.” or “1．” level 3; “（1）” and everything else stay body text.
/// </summary>
public static partial class HeadingDetector
{
    [GeneratedRegex(@"^\s*[一二三四五六七八九十百]+、")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^\s*[（(][一二三四五六七八九十百]+[）)]")]
    private static partial Regex Level2();

    // “1.” but not a decimal such as “1.5” or a year such as “2025.”.
    [GeneratedRegex(@"^\s*\d{1,2}[\.．](?!\d)")]
    private static partial Regex Level3();

    /// <summary>The role of a paragraph by its numbering: a heading level, or <see cref="ParagraphRole.Body"/>.</summary>
    public static ParagraphRole Classify(string paragraph)
    {
        if (Level1().IsMatch(paragraph)) return ParagraphRole.Heading1;
        if (Level2().IsMatch(paragraph)) return ParagraphRole.Heading2;
        if (Level3().IsMatch(paragraph)) return ParagraphRole.Heading3;
        return ParagraphRole.Body;
    }
}
