using System.Text.RegularExpressions;

namespace BaZhouTalent.Application.Register;

/// <summary>
/// 立项编号: “BZ”, the two-digit year, the category's code, a three-digit serial (BZ25YB027).
/// The year of the register entry is read from the code, so the two can never disagree.
/// </summary>
public static partial class ProjectCode
{
    public const int MaxLength = 20;

    public const string FormatMessage = "立项编号应为“BZ + 两位年份 + 类别代码 + 三位序号”，如 BZ25YB027。";

    [GeneratedRegex(@"^BZ(?<year>\d{2})(?<category>[A-Z]{2,4})(?<serial>\d{3})$")]
    private static partial Regex Pattern();

    public sealed record Parts(int Year, string CategoryCode, int Serial);

    /// <summary>Codes are compared and stored upper-case and without surrounding spaces.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static Parts? Parse(string? code)
    {
        var match = Pattern().Match(Normalize(code));
        if (!match.Success) return null;
        return new Parts(
            2000 + int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["category"].Value,
            int.Parse(match.Groups["serial"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
