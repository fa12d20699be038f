using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>三、县（区）社科联意见: the county federation signs (单位公章 + 负责人签字) and passes it to the city.</summary>
public static class ApproveByCounty
{
    /// <param name="HasProblem">成果有无意识形态问题: true = 有.</param>
    /// <param name="Agrees">是否同意结项: true = 是.</param>
    /// <param name="PersonInCharge">负责人签字: the name printed as the person in charge.</param>
    public sealed record Command(string Code, Guid Stamp, bool? HasProblem, bool? Agrees, string? Opinion, string? PersonInCharge);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.HasProblem).NotNull().WithMessage("请选择成果有无意识形态问题。")
                .NotEqual(true).WithMessage("成果存在意识形态问题时，请退回修改并说明理由。");
            RuleFor(c => c.Agrees).NotNull().WithMessage("请选择是否同意结项。")
                .NotEqual(false).WithMessage("不同意结项时，请退回修改并说明理由。");
            RuleFor(c => c.Opinion).NotEmpty().WithMessage("请填写审核意见。")
                .WithinOpinionLimit("审核意见")
                .Printable("审核意见", multiLine: true);
            RuleFor(c => c.PersonInCharge).NotEmpty().WithMessage("请填写负责人姓名。")
                .MaximumLength(ReviewLimits.PersonName).WithMessage($"负责人姓名不能超过 {ReviewLimits.PersonName} 字。")
                .Printable("负责人姓名", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.ApproveByCounty, (application, actor, now) =>
            {
                // The federation's account signs for the federation; the person in charge signs by name.
                var name = Common.TypedText.Clean(command.PersonInCharge);
                // The account's post is printed only when its holder is the one who signs.
                var signer = actor with { Name = name, Post = name == actor.Name ? actor.Post : "" };
                application.ApproveByCounty(signer, new OpinionInput(command.HasProblem, command.Agrees, null, Common.TypedText.Clean(command.Opinion)), now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
