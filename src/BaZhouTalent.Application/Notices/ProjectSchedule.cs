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
    /// THE planned completion date of every project. Today the register's date; approved extensions (延期) will move
    /// it, and only this method needs to learn that (the change table's 原计划完成时间 keeps reading the register).
    /// </summary>
    public static IQueryable<PlannedCompletion> PlannedCompletions(IAppDbContext db) =>
        db.FundedProjects.Select(p => new PlannedCompletion { ProjectId = p.Id, Date = p.PlannedCompletion });
}
