using System.Globalization;
using System.Text;

namespace BaZhouTalent.Application.Common;

/// <summary>
/// Unit names as typed compared by what they name: full-width forms folded (NFKC), every space gone, and the Party's
/// prefix (中共, 中国共产党) dropped, so “平昌县委党校”, “中共平昌县委党校” and “中国共产党 平昌县委党校” are one unit.
/// Used where a free-text unit must meet the unit table (the expert pool) and by the conflict-of-interest rule.
/// </summary>
public static class UnitNames
{
    private static readonly string[] PartyPrefixes = ["中国共产党", "中共"];

    public static string Normalize(string? name)
    {
        var folded = (name ?? "").Normalize(NormalizationForm.FormKC);
        var text = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) text.Append(c);
        var result = text.ToString();
        foreach (var prefix in PartyPrefixes)
            if (result.StartsWith(prefix, StringComparison.Ordinal) && result.Length > prefix.Length)
                return result[prefix.Length..];
        return result;
    }

    /// <summary>True when both name the same unit (neither empty).</summary>
    public static bool Same(string? a, string? b)
    {
        var left = Normalize(a);
        return left.Length > 0 && left == Normalize(b);
    }

    /// <summary>The id of the unit <paramref name="typed"/> names in <paramref name="units"/>, or null when none does.</summary>
    public static int? Match(string? typed, IEnumerable<(int Id, string Name)> units)
    {
        var wanted = Normalize(typed);
        if (wanted.Length == 0) return null;
        foreach (var (id, name) in units)
            if (Normalize(name) == wanted) return id;
        return null;
    }
}
