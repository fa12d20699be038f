using System.Globalization;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>Times are stored in UTC and shown in China Standard Time.</summary>
public static class ChinaTime
{
    // China has kept UTC+8 without daylight saving since 1991; a fixed offset avoids depending on
    // the tz database, which slim containers may lack.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
