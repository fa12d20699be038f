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

    /// <param name="ExtensionRefusal">For the leader: why 申请延期 cannot succeed now (the date passed, a request is open, the limit
    /// is reached…), shown instead of the link; null when it may be asked or the viewer is not the leader.</param>
    /// <param name="ChangeRefusal">For the leader: why 申请项目变更 cannot be asked now, likewise.</param>
    public sealed record Result(
        FundedProject Project,
        string UnitName,
        string LeaderName,
        ApplicationStatus? ApplicationStatus,
        IReadOnlyList<RequestRow> Requests,
        bool MayRequestExtension,
        bool MayTerminate,
        bool MayRequestTermination,
        string? ExtensionRefusal = null,
        bool MayRequestChange = false,
        string? ChangeRefusal = null,
        bool MayCorrect = false);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, RequestExtension.Handler extension)
    {
        public async Task<Result?> HandleAsync(string code, CancellationToken cancellationToken = default)
        {
            var project = await db.FundedProjects.AsNoTracking()
                .Where(Visibility.Projects(currentUser))
                .Include(p => p.Unit)
                .Include(p => p.Application)
                .Include(p => p.Requests)
                .Include(p => p.Corrections)
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
            // The leader is offered only what can succeed; otherwise the page says why not.
            var extensionRefusal = isLeader ? extension.RefusalBeforeAsking(project) : null;
            var changeRefusal = isLeader ? RequestChange.Handler.RefusalBeforeAsking(project) : null;
            return new Result(project, project.Unit.Name, leaderName, project.Application?.Status, rows,
                isLeader && active && extensionRefusal is null, actor.Federation && active, isUnit && active,
                active ? extensionRefusal : null, isLeader && active && changeRefusal is null, active ? changeRefusal : null,
                actor.Federation);
        }
    }
}
