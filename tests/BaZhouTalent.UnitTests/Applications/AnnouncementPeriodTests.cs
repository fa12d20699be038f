using BaZhouTalent.Application.Announcements;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.UnitTests.Applications;

/// <summary>The 结项公示 period counted in working days, and where an announcement stands.</summary>
public class AnnouncementPeriodTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Published on Friday 2026-12-04: Mon 7 … Fri 11.
    [InlineData("2026-12-04", 5, "2026-12-11")]
    // Published on a Monday: Tue … the next Monday.
    [InlineData("2026-12-07", 5, "2026-12-14")]
    // Published on a Saturday: Mon … Fri.
    [InlineData("2026-12-05", 5, "2026-12-11")]
    [InlineData("2026-12-04", 1, "2026-12-07")]
    [InlineData("2026-12-04", 0, "2026-12-04")]
    public void Five_working_days_skip_weekends_and_start_the_day_after_publication(string published, int days, string ends) =>
        Assert.Equal(D(ends), new AnnouncementOptions { WorkingDays = days }.EndOf(D(published), Calendar(new DeadlineOptions()).IsWorkingDay));

    private static StageDeadlines Calendar(DeadlineOptions options) => new(Options.Create(options));

    [Fact]
    public void A_listed_holiday_is_skipped_and_a_listed_working_weekend_day_counts_as_for_the_deadlines()
    {
        // 2026 National Day: Thu 1 Oct to Wed 7 Oct off; Sat 10 Oct worked (as the State Council's schedule of a typical year).
        var calendar = Calendar(new DeadlineOptions
        {
            Holidays = [D("2026-10-01"), D("2026-10-02"), D("2026-10-05"), D("2026-10-06"), D("2026-10-07")],
            ExtraWorkdays = [D("2026-10-10")],
        });
        // Published Wed 30 Sep: Thu 8, Fri 9, Sat 10 (worked), Mon 12, Tue 13.
        Assert.Equal(D("2026-10-13"), new AnnouncementOptions { WorkingDays = 5 }.EndOf(D("2026-09-30"), calendar.IsWorkingDay));
    }

    [Theory]
    [InlineData("2026-12-11", false, false, AnnouncementState.Running)]
    [InlineData("2026-12-12", false, false, AnnouncementState.Ended)]
    [InlineData("2026-12-12", false, true, AnnouncementState.Objected)]
    [InlineData("2026-12-01", false, true, AnnouncementState.Objected)]
    [InlineData("2026-12-12", true, false, AnnouncementState.Upheld)]
    [InlineData("2026-12-12", true, true, AnnouncementState.Upheld)]
    public void The_certificate_issues_only_after_the_period_with_nothing_standing_or_upheld(string today, bool upheld, bool standing, AnnouncementState expected)
    {
        var state = ClosureAnnouncement.StateOf(D("2026-12-11"), upheld, standing, D(today));
        Assert.Equal(expected, state);
        var announcement = new ClosureAnnouncement { EndsOn = D("2026-12-11") };
        if (upheld) announcement.Objections.Add(new AnnouncementObjection { Outcome = ObjectionOutcome.Upheld });
        if (standing) announcement.Objections.Add(new AnnouncementObjection());
        announcement.Objections.Add(new AnnouncementObjection { Outcome = ObjectionOutcome.Dismissed });
        Assert.Equal(expected == AnnouncementState.Ended, ClosureAnnouncement.CertificateIssued(announcement, D(today)));
        Assert.True(ClosureAnnouncement.CertificateIssued(null, D(today)));
    }
}
