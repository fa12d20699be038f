using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Announcements;

/// <summary>
/// 结项公示 (<c>Closure:Announcement</c>): how long a conclusion is announced before its certificate issues. Working days
/// are the deadlines' (Monday to Friday, <c>Closure:Deadlines:Holidays</c> out, <c>ExtraWorkdays</c> in).
/// </summary>
public sealed class AnnouncementOptions
{
    public const string Section = "Closure:Announcement";

    /// <summary>The period in working days; 0 issues the certificate at conclusion (no 公示).</summary>
    [Range(0, 30)]
    public int WorkingDays { get; set; }

    /// <summary>
    /// The last day of the period for a conclusion published on <paramref name="publishedOn"/>: the period starts the
    /// next day (the day of publication is not counted), so five working days published on a Friday end on the Friday after.
    /// </summary>
    public DateOnly EndOf(DateOnly publishedOn, Func<DateOnly, bool> isWorkingDay)
    {
        var day = publishedOn;
        for (var counted = 0; counted < WorkingDays;)
        {
            day = day.AddDays(1);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }
}
