using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.UnitTests.Notices;

/// <summary>The overdue rule: N working days (Monday–Friday, holidays out, 调休 days in) after the China date of entry.</summary>
public class StageDeadlinesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static StageDeadlines Deadlines(Action<DeadlineOptions>? configure = null)
    {
        var options = new DeadlineOptions();
        configure?.Invoke(options);
        return new StageDeadlines(Options.Create(options));
    }

    [Theory]
    // Entered Friday 2026-11-27: ten working days end Friday 2026-12-11.
    [InlineData("2026-11-27T16:00:00+08:00", ApplicationStatus.UnitReview, "2026-12-11")]
    // Entered on a Saturday: counting starts on Monday.
    [InlineData("2026-11-28T09:00:00+08:00", ApplicationStatus.CountyReview, "2026-12-11")]
    // Late on Sunday evening UTC is already Monday in China.
    [InlineData("2026-11-29T17:00:00+00:00", ApplicationStatus.FederationIntake, "2026-12-14")]
    // Experts have fifteen working days.
    [InlineData("2026-11-27T10:00:00+08:00", ApplicationStatus.ExpertReview, "2026-12-18")]
    public void The_due_date_counts_working_days_in_China_time(string entered, ApplicationStatus status, string due)
    {
        Assert.Equal(DateOnly.Parse(due), Deadlines().DueDate(status, DateTimeOffset.Parse(entered)));
    }

    [Fact]
    public void Holidays_are_skipped_and_exchanged_weekend_days_count()
    {
        var entered = new DateTimeOffset(2026, 9, 30, 10, 0, 0, China);
        // 国庆: 10-01..10-07 off (weekdays among them are holidays), Saturday 10-10 worked.
        var deadlines = Deadlines(o =>
        {
            o.Holidays = [new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7)];
            o.ExtraWorkdays = [new(2026, 10, 10)];
            o.UnitReview = 3;
        });
        // Working days after 09-30: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, exchanged).
        Assert.Equal(new DateOnly(2026, 10, 10), deadlines.DueDate(ApplicationStatus.UnitReview, entered));
    }

    [Fact]
    public void Overdue_from_the_day_after_the_due_date_and_never_for_stages_without_a_limit()
    {
        var deadlines = Deadlines();
        var entered = new DateTimeOffset(2026, 11, 27, 16, 0, 0, China);
        Assert.False(deadlines.IsOverdue(ApplicationStatus.UnitReview, entered, new DateTimeOffset(2026, 12, 11, 23, 59, 0, China)));
        Assert.True(deadlines.IsOverdue(ApplicationStatus.UnitReview, entered, new DateTimeOffset(2026, 12, 12, 0, 1, 0, China)));
        Assert.False(deadlines.IsOverdue(ApplicationStatus.Draft, entered, entered.AddYears(1)));
        Assert.False(deadlines.IsOverdue(ApplicationStatus.Concluded, entered, entered.AddYears(1)));
        Assert.False(deadlines.IsOverdue(ApplicationStatus.UnitReview, null, entered.AddYears(1)));
    }
}
