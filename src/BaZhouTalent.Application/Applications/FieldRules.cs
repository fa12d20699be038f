using System.Text.RegularExpressions;
using BaZhouTalent.Typesetting;
using FluentValidation;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// The lengths the columns hold and the formats the form accepts, shared by every section's validator.
/// Lengths mirror the EF configuration, so a value that validates always fits its column.
/// </summary>
public static partial class FieldRules
{
    public const int PersonName = 50;
    public const int UnitName = 100;
    /// <summary>项目名称 and 结项成果名称: as long as the certificate holds on one page.</summary>
    public const int Title = BaZhouTalent.Typesetting.PrintLimits.Title;
    public const int ShortText = 50;
    public const int Ethnicity = 20;
    public const int Gender = 8;
    public const int Address = 200;
    public const int Phone = 30;
    public const int ReportCharacters = 200_000;

    public static readonly IReadOnlyList<string> Genders = ["男", "女"];

    // 11-digit mainland mobile numbers, or a landline with its area code: 0827-1234567.
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$")]
    private static partial Regex PhonePattern();

    public static bool IsPhone(string? value) => value is not null && PhonePattern().IsMatch(value.Trim());

    public static IRuleBuilderOptions<T, string> ValidPhone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || IsPhone(v))
            .WithMessage("请填写 11 位手机号码，或带区号的固定电话（如 0827-1234567）。");

    public static IRuleBuilderOptions<T, string> Required<T>(this IRuleBuilder<T, string> rule, string label) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"请填写{label}。");

    /// <summary>The error code of every length rule: a draft with such an error is refused whole, never saved cut.</summary>
    public const string TooLongCode = "TooLong";

    public static IRuleBuilderOptions<T, string> MaxChars<T>(this IRuleBuilder<T, string> rule, int max, string label) =>
        rule.Must(v => (v ?? "").Trim().Length <= max).WithMessage($"{label}不能超过 {max} 个字。").WithErrorCode(TooLongCode);

    public static bool IsTooLong(FluentValidation.Results.ValidationFailure failure) => failure.ErrorCode == TooLongCode;

    /// <summary>
    /// Text that will be printed: refused, with the field, the character and its position in Chinese, when no
    /// bundled font has one of its characters. Invisible characters are not refused: saving removes them.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Printable<T>(this IRuleBuilder<T, string?> rule, string label, bool multiLine = false) =>
        rule.Must(v => PrintableText.FindUnprintable(v).Count == 0)
            .WithMessage((_, v) => PrintableText.Describe(label, v, multiLine) ?? "");

    /// <summary>
    /// Drafts are stored as typed (invisible characters removed, NFC), incomplete or not; a value beyond its
    /// column is refused before the save (<see cref="TooLongCode"/>), so this only trims and keeps the column
    /// safe should a caller skip that check.
    /// </summary>
    public static string Clip(string? value, int max)
    {
        var text = Common.TypedText.Clean(value);
        return text.Length <= max ? text : text[..max];
    }
}
