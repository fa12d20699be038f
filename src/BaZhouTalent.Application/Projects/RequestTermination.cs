using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// 申请撤项: a reviewer of the project's unit asks the city federation to terminate it, with a reason. The unit files
/// it, so the request starts agreed by the unit (<c>UnitAgree</c> fired at once) and waits for the federation, whose
/// approval terminates the project with the ground <see cref="TerminateProject.UnitRequestGround"/>.
/// </summary>
public static class RequestTermination
{
    public sealed class Command
    {
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写申请撤项的理由。")
                .MaximumLength(TerminateProject.ReasonMaxLength).WithMessage($"撤项理由不能超过 {TerminateProject.ReasonMaxLength} 字。");
        }
    }

    public enum Outcome { Requested, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ProjectNotices notices)
    {
        /// <summary>The project of the reviewer's own unit, or null (404).</summary>
        public Task<FundedProject?> LoadAsync(string code, CancellationToken cancellationToken) =>
            currentUser.IsInRole(Roles.UnitReviewer) && currentUser.UnitId is { } unitId
                ? db.FundedProjects.Include(p => p.Requests).Include(p => p.Application)
                    .FirstOrDefaultAsync(p => p.Code == code && p.UnitId == unitId, cancellationToken)
                : Task.FromResult<FundedProject?>(null);

        private const string OpenRequestMessage = "该项目已有一项撤项申请等待市社科联审批。";

        public static string? RefusalBeforeAsking(FundedProject project)
        {
            if (ProjectLifecycle.RefusalFor(project) is { } terminated) return terminated;
            if (project.Lifecycle == ProjectLifecycleStatus.Concluded) return "该项目已结项，不能申请撤项。";
            if (project.Requests.Any(r => r.Kind == ProjectRequestKind.Termination && r.IsOpen))
                return OpenRequestMessage;
            return null;
        }

        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            var project = await LoadAsync(code, cancellationToken);
            if (project is null) return new Result(Outcome.NotFound);
            if (RefusalBeforeAsking(project) is { } refusal) return new Result(Outcome.Refused, refusal);
            var now = clock.GetUtcNow();
            var request = new ProjectRequest
            {
                ProjectId = project.Id,
                Kind = ProjectRequestKind.Termination,
                RequestedByUserId = currentUser.UserId!,
                RequestedByName = currentUser.DisplayName,
                RequestedAt = now,
                Reason = command.Reason.Trim(),
            };
            request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.UnitAgree), currentUser.DisplayName, "单位提出撤项申请。", now);
            db.ProjectRequests.Add(request);
            await notices.RequestMovedAsync(project, request, cancellationToken);
            // The unique index on open requests refuses a second one saved at the same moment.
            if (!await db.SaveUnlessTakenAsync(cancellationToken))
                return new Result(Outcome.Refused, OpenRequestMessage);
            return new Result(Outcome.Requested);
        }
    }
}
