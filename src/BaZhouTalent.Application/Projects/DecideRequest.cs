using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// Every action on a request goes through here: load it (404 when the project is not the user's to see), check the
/// declared party (403), the posted stamp (conflict) and the project's lifecycle, run the action, and save once.
/// An approved extension moves the project's planned completion for overdue tracking.
/// </summary>
public static class DecideRequest
{
    public const int OpinionMaxLength = 1000;

    public sealed record Command(int RequestId, ProjectRequestAction Action, Guid Stamp, string Opinion);

    public enum Outcome { Done, NotFound, Forbidden, Conflict, Refused }

    public sealed record Result(Outcome Outcome, string? Message = null);

    /// <summary>What the decision page shows: the request, its project and the actions the user may take now.</summary>
    public sealed record View(ProjectRequest Request, FundedProject Project, IReadOnlyList<ProjectRequestAction> Available);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock,
        IOptions<ClosureLifecycleOptions> options, Audit.StaffAudit audit, ProjectNotices notices, ILogger<Handler> log)
    {
        /// <summary>The request as the user may see it, or null (404).</summary>
        public async Task<View?> LoadAsync(int id, CancellationToken cancellationToken)
        {
            var request = await db.ProjectRequests
                .Include(r => r.Project).ThenInclude(p => p.Requests)
                .Where(r => db.FundedProjects.Where(Visibility.Projects(currentUser)).Any(p => p.Id == r.ProjectId))
                .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            // Visibility.Projects lists no project to experts: requests name the leader, which blind review hides.
            if (request is null)
                return null;
            var available = ProjectLifecycle.RefusalFor(request.Project) is null
                ? ProjectRequestActions.Available(request, RequestActor.Of(currentUser), request.Project.UnitId)
                : [];
            return new View(request, request.Project, available);
        }

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var view = await LoadAsync(command.RequestId, cancellationToken);
            if (view is null) return new Result(Outcome.NotFound);
            var (request, project) = (view.Request, view.Project);
            var actor = RequestActor.Of(currentUser);
            if (!ProjectRequestActions.MayFire(command.Action, actor, request.RequestedByUserId, project.UnitId))
                return new Result(Outcome.Forbidden);
            if (request.ConcurrencyStamp != command.Stamp)
                return new Result(Outcome.Conflict, "该申请在您打开页面后已被他人处理，您的操作未保存。页面已刷新为最新状态。");
            if (ProjectLifecycle.RefusalFor(project) is { } terminated)
                return new Result(Outcome.Refused, terminated);
            if (!ProjectRequestWorkflow.CanFire(request, command.Action.Trigger))
                return new Result(Outcome.Refused, $"该申请当前为“{request.Status.ToChinese()}”，不能执行“{command.Action.Name}”。");
            if (command.Opinion.Length > OpinionMaxLength)
                return new Result(Outcome.Refused, $"意见不能超过 {OpinionMaxLength} 字。");
            if (command.Action.Trigger == ProjectRequestTrigger.Approve && ApprovalRefusal(request, project) is { } limit)
                return new Result(Outcome.Refused, limit);

            try
            {
                request.Apply(command.Action, currentUser.DisplayName, command.Opinion ?? "", clock.GetUtcNow());
            }
            catch (ReviewRuleException refused)
            {
                return new Result(Outcome.Refused, refused.Message);
            }
            if (request.Status == ProjectRequestStatus.Approved && request.Kind == ProjectRequestKind.Extension)
                project.ExtendTo(request.RequestedCompletion!.Value);
            if (command.Action.Party == RequestParty.Federation && AuditedAs(request) is { } decision)
                audit.Add(decision, $"{project.Code} {project.Title}", request.Kind == ProjectRequestKind.Extension
                    ? $"延至 {RequestExtension.Format(request.RequestedCompletion!.Value)}；{request.FederationOpinion}"
                    : request.FederationOpinion ?? "");
            if (request.Status == ProjectRequestStatus.Approved && request.Kind == ProjectRequestKind.Termination)
            {
                project.Terminate(TerminateProject.UnitRequestGround, request.Reason, currentUser.DisplayName, clock.GetUtcNow());
                audit.Add(Audit.StaffAction.ProjectTerminated, $"{project.Code} {project.Title}", $"{TerminateProject.UnitRequestGround}；{request.Reason}");
                await notices.TerminatedAsync(project, TerminateProject.UnitRequestGround, cancellationToken);
            }

            // Notices are written with the step: whoever acts next, or the leader and the unit once decided.
            await notices.RequestMovedAsync(project, request, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.Conflict, "该申请在您打开页面后已被他人处理，您的操作未保存。页面已刷新为最新状态。");
            }
            log.LogInformation("Request {RequestId} on {Code} {Trigger} → {Status} by {UserId}",
                request.Id, project.Code, command.Action.Trigger, request.Status, actor.UserId);
            return new Result(Outcome.Done);
        }

        /// <summary>The staff audit's name for the federation's decision; an approved termination is recorded as the termination itself.</summary>
        private static Audit.StaffAction? AuditedAs(ProjectRequest request) => (request.Kind, request.Status) switch
        {
            (ProjectRequestKind.Extension, ProjectRequestStatus.Approved) => Audit.StaffAction.ExtensionApproved,
            (ProjectRequestKind.Extension, ProjectRequestStatus.Refused) => Audit.StaffAction.ExtensionRefused,
            (ProjectRequestKind.Termination, ProjectRequestStatus.Refused) => Audit.StaffAction.TerminationRefused,
            _ => null,
        };

        /// <summary>The limits checked again at approval: a limit changed since, or another extension approved meanwhile.</summary>
        private string? ApprovalRefusal(ProjectRequest request, FundedProject project)
        {
            if (request.Kind != ProjectRequestKind.Extension) return null;
            var limits = options.Value.Extensions;
            var approved = project.Requests.Count(r => r.Kind == ProjectRequestKind.Extension && r.Status == ProjectRequestStatus.Approved);
            if (approved >= limits.MaxCount)
                return $"该项目已获批延期 {approved} 次，最多只能延期 {limits.MaxCount} 次，不能再批准。";
            var latest = project.PlannedCompletion.AddMonths(limits.MaxTotalMonths);
            if (request.RequestedCompletion > latest)
                return $"累计延期不能超过 {limits.MaxTotalMonths} 个月（最晚 {RequestExtension.Format(latest)}），不能批准。";
            return null;
        }
    }
}
