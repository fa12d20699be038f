namespace BaZhouTalent.Application.Common;

/// <summary>
/// Times are stored as UTC instants and shown in China Standard Time. China has kept UTC+8 without daylight
/// saving since 1991; a fixed offset avoids depending on the tz database, which slim containers may lack.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly ChinaDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToChina().DateTime);

    public static DateOnly Today(TimeProvider clock) => clock.GetUtcNow().ChinaDate();
}
