using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// 暂缓结项 in 五: instead of rejecting, the federation sends the application back for revision within a period
/// (days, default <c>Closure:DeferralDays</c>); the researcher resubmits into a new round.
/// </summary>
public static class DeferClosure
{
    public sealed record Command(string Code, Guid Stamp, string? Reason, int? Days);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<ClosureOptions> options)
        {
            var max = options.Value.MaxDeferralDays;
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写暂缓结项的理由和修改要求。")
                .WithinOpinionLimit("暂缓理由")
                .Printable("暂缓理由", multiLine: true);
            RuleFor(c => c.Days).NotNull().WithMessage("请填写修改期限（天数）。")
                .InclusiveBetween(1, max).WithMessage($"修改期限须在 1 至 {max} 天之间。");
        }
    }

    public sealed class Handler(ReviewActions actions, Audit.StaffAudit audit)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.Defer, (application, actor, now) =>
            {
                // The period counts in China's calendar days from the day of the decision.
                var due = Common.ChinaTime.ChinaDate(now).AddDays(command.Days ?? 0);
                application.Defer(actor, command.Reason ?? "", due, now);
                audit.AddFor(Audit.StaffAction.ClosureDeferred, application.Project, $"修改期限至 {Projects.RequestExtension.Format(due)}；{command.Reason}");
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
