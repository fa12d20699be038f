using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>四、专家鉴定意见: the chief expert, having read every appraisal, signs the combined one.</summary>
public static class CompleteAppraisal
{
    public sealed record Command(string Code, Guid Stamp, bool? HasProblem, bool? Agrees, AppraisalGrade? Grade, string? Opinion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HasProblem).NotNull().WithMessage("请选择成果有无意识形态方面的问题。");
            RuleFor(c => c.Agrees).NotNull().WithMessage("请选择是否同意结项。")
                .NotEqual(true).When(c => c.HasProblem == true).WithMessage("成果存在意识形态方面的问题时不能同意结项。");
            RuleFor(c => c.Grade).NotNull().When(c => c.Agrees == true).WithMessage("同意结项时请选择鉴定等级。");
            RuleFor(c => c.Opinion).NotEmpty().WithMessage("请填写综合鉴定意见。")
                .WithinOpinionLimit("综合鉴定意见")
                .Printable("综合鉴定意见", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.CompleteAppraisal, (application, actor, now) =>
            {
                var grade = command.Agrees == true ? command.Grade : null;
                application.CompleteAppraisal(actor, new OpinionInput(command.HasProblem, command.Agrees, grade, Common.TypedText.Clean(command.Opinion)), now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
