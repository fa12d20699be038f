using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// Loads one application by its 立项编号 with what the authorization rules and the pages need
/// (project, unit and region, category, expert assignments, opinions, history). Read-only: nothing here is saved.
/// </summary>
public static class FindApplication
{
    public sealed record Query(string ProjectCode);

    public sealed class Handler(IAppDbContext db)
    {
        public Task<ClosureApplication?> HandleAsync(Query query, CancellationToken cancellationToken = default) =>
            db.ClosureApplications
                .AsNoTracking()
                .AsSplitQuery()
                .Include(a => a.Project).ThenInclude(p => p.Unit).ThenInclude(u => u.Region)
                .Include(a => a.Project).ThenInclude(p => p.Category)
                .Include(a => a.ExpertAssignments)
                .Include(a => a.Opinions)
                .Include(a => a.History)
                .Include(a => a.Attachments)
                // Approved change requests mark the change table's 现 side (ChangeTable.Build).
                .Include(a => a.Project).ThenInclude(p => p.Requests)
                .FirstOrDefaultAsync(a => a.Project.Code == query.ProjectCode, cancellationToken);
    }
}

/// <summary>How a save of a draft section ended.</summary>
public enum SaveOutcome
{
    Saved,
    /// <summary>Someone saved the application after this page was loaded; nothing was written.</summary>
    Conflict,
    /// <summary>The application is no longer editable (submitted meanwhile); nothing was written.</summary>
    NotEditable,
    NotFound,
}

/// <summary>The common path of every section's save: load, check the stamp, apply, renew the stamp, save.</summary>
internal static class DraftStore
{
    public static async Task<SaveOutcome> SaveAsync(IAppDbContext db, TimeProvider clock, string projectCode,
        Guid concurrencyStamp, Action<ClosureApplication> apply, CancellationToken cancellationToken)
    {
        var application = await db.ClosureApplications
            .Include(a => a.Project)
            .FirstOrDefaultAsync(a => a.Project.Code == projectCode, cancellationToken);
        if (application is null) return SaveOutcome.NotFound;
        if (!application.Status.IsWithResearcher() || Projects.ProjectLifecycle.RefusalFor(application.Project) is not null)
            return SaveOutcome.NotEditable;
        if (application.ConcurrencyStamp != concurrencyStamp) return SaveOutcome.Conflict;

        apply(application);
        application.ConcurrencyStamp = Guid.NewGuid();
        application.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
        return SaveOutcome.Saved;
    }
}
