using System.Security.Claims;
using BaZhouTalent.Application.Workflow;
using FluentValidation;

namespace BaZhouTalent.Application.Review;

/// <summary>撤回: the researcher takes the application back before the unit acts; it becomes a draft again.</summary>
public static class WithdrawApplication
{
    public sealed record Command(string Code, Guid Stamp);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty();
    }

    public sealed class Handler(ReviewActions actions)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.Withdraw, (application, actor, now) =>
            {
                application.Withdraw(actor, now);
                return Task.CompletedTask;
            }, cancellationToken);
    }
}
