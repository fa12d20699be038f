using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// The researcher starts the closure application of a project they lead: a draft whose “现” side is a
/// copy of the register. Starting twice is harmless; the existing application is kept.
/// </summary>
public static class StartApplication
{
    public sealed record Command(string ProjectCode);

    public enum Outcome { Started, AlreadyExists, NotFound, Terminated }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            // A project that is not yours is answered as if it did not exist.
            var project = currentUser.UserId is not { } userId ? null : await db.FundedProjects
                .Include(p => p.Application)
                .Include(p => p.Requests)
                .FirstOrDefaultAsync(p => p.Code == command.ProjectCode && p.LeaderUserId == userId, cancellationToken);
            if (project is null) return Outcome.NotFound;
            if (Projects.ProjectLifecycle.RefusalFor(project) is not null) return Outcome.Terminated;
            if (project.Application is not null) return Outcome.AlreadyExists;

            var application = ClosureApplication.StartFor(project, clock.GetUtcNow());
            // Changes approved during the research (项目变更) are the “现” side from the start.
            Projects.ApprovedChanges.ApplyAll(application, project);
            db.ClosureApplications.Add(application);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateRowException)
            {
                // A second click raced the first; the unique index kept one application, which is what we want.
                return Outcome.AlreadyExists;
            }
            return Outcome.Started;
        }
    }
}
