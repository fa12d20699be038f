using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Notices;

/// <summary><c>Closure:Deadlines</c>: working days each stage may take, and the calendar's exceptions.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Closure:Deadlines";

    [Range(1, 365)] public int UnitReview { get; set; } = 10;
    [Range(1, 365)] public int CountyReview { get; set; } = 10;
    [Range(1, 365)] public int FederationIntake { get; set; } = 10;
    [Range(1, 365)] public int ExpertReview { get; set; } = 15;
    [Range(1, 365)] public int FederationReview { get; set; } = 10;

    /// <summary>Public holidays on weekdays (法定节假日), e.g. 2026-10-01.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange (调休上班).</summary>
    public List<DateOnly> ExtraWorkdays { get; set; } = [];

    /// <summary>How many days before a project's planned completion its leader is reminded.</summary>
    [Range(1, 365)] public int CompletionReminderDays { get; set; } = 30;
}

/// <summary>
/// The overdue rule: a stage's item is due at the end of the N-th working day (Monday to Friday, holidays out,
/// 调休 days in) after the China date it entered the stage, and overdue from the next day. Kept apart from the
/// queue so every list, the reminders and the dashboard can share it.
/// </summary>
public sealed class StageDeadlines(IOptions<DeadlineOptions> options)
{
    private readonly HashSet<DateOnly> holidays = [.. options.Value.Holidays];
    private readonly HashSet<DateOnly> extraWorkdays = [.. options.Value.ExtraWorkdays];

    /// <summary>Working days allowed for <paramref name="status"/> (its stage's <see cref="Workflow.WorkflowStage.Deadline"/>); null for a stage without a limit (draft, done).</summary>
    public int? LimitFor(ApplicationStatus status) =>
        Workflow.WorkflowStages.IsDeclared(status) ? Workflow.WorkflowStages.Of(status).Deadline?.Invoke(options.Value) : null;

    public bool IsWorkingDay(DateOnly day) =>
        extraWorkdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    /// <summary>The last China date on which an item that entered <paramref name="status"/> at <paramref name="entered"/> is on time.</summary>
    public DateOnly? DueDate(ApplicationStatus status, DateTimeOffset entered) => DueDate(status, entered.ChinaDate());

    private DateOnly? DueDate(ApplicationStatus status, DateOnly enteredOn)
    {
        if (LimitFor(status) is not { } limit)
            return null;
        var day = enteredOn;
        for (var counted = 0; counted < limit;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    /// <summary>
    /// The same rule turned round for a database filter: per stage, the instant (UTC) before which an item must have
    /// entered it to be overdue on <paramref name="now"/>'s China date. Due dates never go back as the entry date moves
    /// on, so the cutoff is the start of the day after the last overdue entry date.
    /// </summary>
    public IReadOnlyDictionary<ApplicationStatus, DateTimeOffset> OverdueCutoffs(DateTimeOffset now)
    {
        var today = now.ChinaDate();
        var cutoffs = new Dictionary<ApplicationStatus, DateTimeOffset>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            if (LimitFor(status) is null)
                continue;
            var lastOverdue = today.AddDays(-1);
            while (DueDate(status, lastOverdue) >= today)
                lastOverdue = lastOverdue.AddDays(-1);
            var firstOnTime = lastOverdue.AddDays(1);
            cutoffs[status] = new DateTimeOffset(firstOnTime.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        }
        return cutoffs;
    }

    public bool IsOverdue(ApplicationStatus? status, DateTimeOffset? entered, DateTimeOffset now) =>
        status is { } s && entered is { } at && DueDate(s, at) is { } due && now.ChinaDate() > due;
}
