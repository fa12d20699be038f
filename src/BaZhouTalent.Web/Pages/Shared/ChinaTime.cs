using System.Globalization;
using BaZhouTalent.Application.Common;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>How pages show a stored UTC instant: China Standard Time, to the minute.</summary>
public static class ChinaTime
{
    public static string Format(DateTimeOffset? value) =>
        value is { } v ? v.ToChina().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
