using System.Globalization;

namespace BaZhouTalent.Application.Security;

/// <summary>
/// 个人信息去标识化: phones, e-mail addresses and birth dates as shown to a viewer who does not need them in full
/// (docs/blind-review.md, “Personal information”). Enough stays to recognise one's own or to tell two apart — the
/// first three and last four digits of a phone (138****5678), the first letter and the domain of an address
/// (z***@example.com), the year of birth (which the 青年项目 age rule needs) — and nothing that reaches the person.
/// </summary>
public static class PersonalData
{
    public const char Mask = '*';

    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return phone ?? "";
        var digits = phone.Count(char.IsAsciiDigit);
        // Short numbers (an extension) keep only their last two digits.
        var (keepHead, keepTail) = digits >= 8 ? (3, 4) : (0, 2);
        var seen = 0;
        return new string(phone.Select(c =>
        {
            if (!char.IsAsciiDigit(c)) return c;
            seen++;
            return seen <= keepHead || seen > digits - keepTail ? c : Mask;
        }).ToArray());
    }

    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return email ?? "";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? new string(Mask, 3) : $"{email[0]}{new string(Mask, 3)}{email[at..]}";
    }

    /// <summary>The year only: “1985 年 ** 月”.</summary>
    public static string MaskBirth(int? year, int? month) => year is null
        ? ""
        : month is null ? $"{year} 年" : string.Create(CultureInfo.InvariantCulture, $"{year} 年 ** 月");
}
