using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// A project's file (项目情况): its dates (original and in force), lifecycle, termination, and the history of its
/// requests with every decision — for the leader, the unit, the county and the city federation; never for experts
/// (<see cref="Visibility.Projects"/>), since requests name the leader.
/// </summary>
public static class GetProjectFile
{
    public sealed record RequestRow(ProjectRequest Request, IReadOnlyList<ProjectRequestAction> Available);

    public sealed record Result(
        FundedProject Project,
        string UnitName,
        string LeaderName,
        ApplicationStatus? ApplicationStatus,
        IReadOnlyList<RequestRow> Requests,
        bool MayRequestExtension,
        bool MayTerminate,
        bool MayRequestTermination);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser)
    {
        public async Task<Result?> HandleAsync(string code, CancellationToken cancellationToken = default)
        {
            var project = await db.FundedProjects.AsNoTracking()
                .Where(Visibility.Projects(currentUser))
                .Include(p => p.Unit)
                .Include(p => p.Application)
                .Include(p => p.Requests)
                .AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
            if (project is null) return null;
            var actor = RequestActor.Of(currentUser);
            var active = project.Lifecycle == ProjectLifecycleStatus.Active;
            var rows = project.Requests.OrderByDescending(r => r.RequestedAt)
                .Select(r => new RequestRow(r, active ? ProjectRequestActions.Available(r, actor, project.UnitId) : []))
                .ToList();
            var isLeader = actor.Researcher && project.LeaderUserId == actor.UserId;
            var leaderName = project.Application?.CurrentLeader.Name is { Length: > 0 } current ? current : project.OriginalLeader.Name;
            var isUnit = actor.UnitReviewer && actor.UnitId == project.UnitId;
            return new Result(project, project.Unit.Name, leaderName, project.Application?.Status, rows,
                isLeader && active, actor.Federation && active, isUnit && active);
        }
    }
}
