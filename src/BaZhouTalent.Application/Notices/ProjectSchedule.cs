using BaZhouTalent.Application.Abstractions;

namespace BaZhouTalent.Application.Notices;

/// <summary>A project's planned completion date as overdue tracking and reminders read it.</summary>
/// <remarks>Member-initialised (not positional) so EF can compose queries over it.</remarks>
public sealed record PlannedCompletion
{
    public int ProjectId { get; init; }
    public DateOnly Date { get; init; }
}

public static class ProjectSchedule
{
    /// <summary>
    /// THE planned completion date in force of every project still running: the register's date, moved by an approved
    /// extension (延期; <see cref="Domain.FundedProject.EffectivePlannedCompletion"/>). A terminated or concluded project
    /// has none. The change table's 原计划完成时间 keeps reading the register.
    /// </summary>
    public static IQueryable<PlannedCompletion> PlannedCompletions(IAppDbContext db) =>
        db.FundedProjects.Where(p => p.Lifecycle == Domain.ProjectLifecycleStatus.Active)
            .Select(p => new PlannedCompletion { ProjectId = p.Id, Date = p.ExtendedCompletion ?? p.PlannedCompletion });
}
