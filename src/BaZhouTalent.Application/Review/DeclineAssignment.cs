using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// 谢绝鉴定: an expert of the current round who has not appraised declines the assignment — 回避 (a conflict of interest)
/// or 无法按期 (cannot appraise in time) — with a reason; the application returns to the federation's intake for a
/// replacement, and the federation is told (the action's notice in <see cref="WorkflowActions"/>).
/// </summary>
public static class DeclineAssignment
{
    public sealed record Command(string Code, Guid Stamp, DeclineKind? Kind, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotNull().WithMessage("请选择谢绝鉴定的原因（回避或无法按期）。")
                .IsInEnum().WithMessage("请选择谢绝鉴定的原因（回避或无法按期）。");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写谢绝鉴定的说明，便于市社科联重新分配。")
                .WithinOpinionLimit("谢绝说明")
                .Printable("谢绝说明", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.Decline, (application, actor, now) =>
            {
                application.Decline(actor, command.Kind ?? 0, Common.TypedText.Clean(command.Reason), now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
