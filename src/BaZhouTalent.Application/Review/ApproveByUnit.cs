using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>二、申请人所在单位审核意见: the unit signs and passes the application on.</summary>
public static class ApproveByUnit
{
    /// <param name="HasProblem">成果有无政治导向问题或其他不宜公开出版的内容: true = 有.</param>
    /// <param name="MeetsGoals">最终结果的内容质量是否符合预期研究目标: true = 是.</param>
    public sealed record Command(string Code, Guid Stamp, bool? HasProblem, bool? MeetsGoals, string? Opinion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HasProblem).NotNull().WithMessage("请选择成果有无政治导向问题或其他不宜公开出版的内容。")
                .NotEqual(true).WithMessage("成果存在政治导向问题或不宜公开出版的内容时，请退回修改并说明理由。");
            RuleFor(c => c.MeetsGoals).NotNull().WithMessage("请选择最终结果的内容质量是否符合预期研究目标。")
                .NotEqual(false).WithMessage("内容质量不符合预期研究目标时，请退回修改并说明理由。");
            RuleFor(c => c.Opinion).NotEmpty().WithMessage("请填写审核意见。")
                .WithinOpinionLimit("审核意见")
                .Printable("审核意见", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.ApproveByUnit, (application, actor, now) =>
            {
                application.ApproveByUnit(actor, new OpinionInput(command.HasProblem, command.MeetsGoals, null, Common.TypedText.Clean(command.Opinion)), now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
