using System.Globalization;
using System.Text.RegularExpressions;
using BaZhouTalent.Application.Common;

namespace BaZhouTalent.Application.Workflow;

/// <summary>结项证书编号: 巴社科结〔YYYY〕NNN号, sequential within the year of approval.</summary>
public static partial class CertificateNumbers
{
    public static string Format(int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"巴社科结〔{year}〕{serial:000}号");

    /// <summary>The prefix every number of <paramref name="year"/> starts with, for a LIKE/StartsWith query.</summary>
    public static string PrefixFor(int year) => string.Create(CultureInfo.InvariantCulture, $"巴社科结〔{year}〕");

    /// <summary>The certificate year is the year in China when the federation approves.</summary>
    public static int YearOf(DateTimeOffset now) => now.ToChina().Year;

    public static int? SerialOf(string? number)
    {
        var match = number is null ? null : Pattern().Match(number);
        return match is { Success: true } ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The next number after the ones already issued in that year.</summary>
    public static string Next(int year, IEnumerable<string?> issuedThisYear) =>
        Format(year, (issuedThisYear.Select(SerialOf).Max() ?? 0) + 1);

    [GeneratedRegex(@"^巴社科结〔(\d{4})〕(\d+)号$")]
    private static partial Regex Pattern();
}
