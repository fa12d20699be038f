using System.Globalization;
using System.Text;

namespace BaZhouTalent.Application.Common;

/// <summary>Text typed by people, with its compatibility forms folded and every script's decimal digits made ASCII.</summary>
public static class Digits
{
    /// <summary>NFKC (full-width ２ → 2, （ → (), then any Unicode decimal digit (٢, ۲, २ …) → its ASCII digit.</summary>
    public static string ToAscii(string? input)
    {
        var text = (input ?? "").Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            result.Append(digit >= 0 ? (char)('0' + digit) : c);
        }
        return result.ToString();
    }
}
