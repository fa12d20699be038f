using System.Globalization;
using System.Text;
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

    /// <summary>The serial of a number as issued, or null.</summary>
    public static int? SerialOf(string? number)
    {
        var match = number is null ? null : Pattern().Match(number);
        return match is { Success: true } && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            ? serial
            : null;
    }

    /// <summary>
    /// A number as a person typed it, in the form it was issued, or null when it is not one: Chinese input methods give
    /// full-width digits (２０２６) and brackets (（）［］【】), other scripts their own decimal digits; spaces and a missing
    /// 号 are forgiven, leading zeros of the serial too. Never throws, whatever the text.
    /// </summary>
    public static string? Normalize(string? input)
    {
        var text = Digits.ToAscii(input);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            folded.Append(c switch
            {
                '(' or '[' or '{' or '【' or '〖' or '〘' or '⦗' or '❲' or '«' => '〔',
                ')' or ']' or '}' or '】' or '〗' or '〙' or '⦘' or '❳' or '»' => '〕',
                _ => c,
            });
        }
        var match = TypedPattern().Match(folded.ToString());
        if (!match.Success) return null;
        var serial = match.Groups[2].Value.TrimStart('0');
        // A serial of up to six digits; anything longer is no number the federation issued.
        if (serial.Length is 0 or > 6) return null;
        return Format(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(serial, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^巴社科结〔([0-9]{4})〕([0-9]{1,32})号?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypedPattern();

    /// <summary>The next number after the ones already issued in that year.</summary>
    public static string Next(int year, IEnumerable<string?> issuedThisYear) =>
        Format(year, (issuedThisYear.Select(SerialOf).Max() ?? 0) + 1);

    [GeneratedRegex(@"^巴社科结〔([0-9]{4})〕([0-9]+)号$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
