namespace BaZhouTalent.Application.Common;

/// <summary>Times are stored as UTC instants and shown in China Standard Time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly ChinaDate(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToChina().DateTime);

    public static DateOnly Today(TimeProvider clock) => clock.GetUtcNow().ChinaDate();
}
