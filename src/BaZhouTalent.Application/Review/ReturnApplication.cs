using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>退回修改: whoever holds the application returns it to the researcher with a reason.</summary>
public static class ReturnApplication
{
    public sealed record Command(string Code, Guid Stamp, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写退回理由，便于申请人修改。")
                .WithinOpinionLimit("退回理由")
                .Printable("退回理由", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.Return, (application, actor, now) =>
            {
                application.Return(actor, command.Reason ?? "", now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
