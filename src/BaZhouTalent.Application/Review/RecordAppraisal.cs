using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>One assigned expert's own appraisal, recorded blind and without seeing the other experts'.</summary>
public static class RecordAppraisal
{
    /// <param name="HasProblem">成果有无意识形态方面的问题: true = 有.</param>
    /// <param name="Agrees">是否同意结项: true = 是.</param>
    public sealed record Command(string Code, Guid Stamp, bool? HasProblem, bool? Agrees, AppraisalGrade? Grade, string? Opinion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HasProblem).NotNull().WithMessage("请选择成果有无意识形态方面的问题。");
            RuleFor(c => c.Agrees).NotNull().WithMessage("请选择是否同意结项。");
            RuleFor(c => c.Grade).NotNull().When(c => c.Agrees == true).WithMessage("同意结项时请选择鉴定等级。");
            RuleFor(c => c.Opinion).NotEmpty().WithMessage("请填写鉴定意见。")
                .WithinOpinionLimit("鉴定意见")
                .Printable("鉴定意见", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.Appraise, (application, actor, now) =>
            {
                var grade = command.Agrees == true ? command.Grade : null;
                application.RecordAppraisal(actor, new OpinionInput(command.HasProblem, command.Agrees, grade, Common.TypedText.Clean(command.Opinion)), now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
