using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// 审核免于鉴定申请 at intake: the federation grants (no experts; it sets the grade or 免鉴 and the application goes to
/// 五) or refuses with a reason (the application stays at intake for expert assignment as usual).
/// </summary>
public static class DecideExemption
{
    /// <param name="Grant">true = 同意免于鉴定, false = 不同意.</param>
    /// <param name="Grade">The grade set when granting; null = 免鉴.</param>
    /// <param name="GradeChosen">Whether the grade (or 免鉴) was chosen at all: the page preselects none, so granting asks for it.</param>
    public sealed record Command(string Code, Guid Stamp, bool? Grant, AppraisalGrade? Grade, string? Opinion, bool GradeChosen = true);

    public const string GradeMissingMessage = "同意免于鉴定时，请选择鉴定等级或“免鉴”。";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Grant).NotNull().WithMessage("请选择同意或不同意免于鉴定。");
            RuleFor(c => c.Opinion).NotEmpty().When(c => c.Grant == false).WithMessage("不同意免于鉴定须填写理由。");
            RuleFor(c => c.Grade).IsInEnum().WithMessage("请选择有效的鉴定等级。");
            RuleFor(c => c.GradeChosen).Equal(true).When(c => c.Grant == true).WithMessage(GradeMissingMessage);
            RuleFor(c => c.Opinion).WithinOpinionLimit("审核意见")
                .Printable("审核意见", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions, Audit.StaffAudit audit)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, TriggerOf(command), (application, actor, now) =>
            {
                if (command.Grant == true)
                    application.GrantExemption(actor, command.Grade, Common.TypedText.Clean(command.Opinion), now);
                else
                    application.RefuseExemption(actor, Common.TypedText.Clean(command.Opinion), now);
                audit.AddFor(command.Grant == true ? Audit.StaffAction.ExemptionGranted : Audit.StaffAction.ExemptionRefused, application.Project,
                    command.Grant == true ? $"{ClosureApplication.ExemptionGradeName(command.Grade)}；{command.Opinion}" : command.Opinion ?? "");
                return Task.CompletedTask;
            }, cancellationToken);

        public static ReviewTrigger TriggerOf(Command command) =>
            command.Grant == true ? ReviewTrigger.GrantExemption : ReviewTrigger.RefuseExemption;
    }
}
