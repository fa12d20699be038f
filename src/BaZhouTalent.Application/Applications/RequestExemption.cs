using BaZhouTalent.Application.Abstractions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 申请免于鉴定: before submission the researcher asks to conclude without expert appraisal on one of the configured
/// grounds (the catch-all needs a description), or withdraws the request. An edit of the application like its
/// sections; the federation answers at intake (<see cref="Review.DecideExemption"/>).
/// </summary>
public static class RequestExemption
{
    public const int DescriptionLength = 1000;

    /// <param name="Requested">true = 申请免于鉴定, false = 不申请 (normal appraisal).</param>
    public sealed record Command(string ProjectCode, Guid ConcurrencyStamp, bool? Requested, string? Ground, string? Description);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<ClosureOptions> options)
        {
            var closure = options.Value;
            RuleFor(c => c.Requested).NotNull().WithMessage("请选择是否申请免于鉴定。");
            When(c => c.Requested == true, () =>
            {
                RuleFor(c => c.Ground).NotEmpty().WithMessage("请选择申请免于鉴定的依据。")
                    .Must(g => closure.Grounds.Contains(g!)).When(c => !string.IsNullOrEmpty(c.Ground), ApplyConditionTo.CurrentValidator)
                    .WithMessage("请从列表中选择申请免于鉴定的依据。");
                RuleFor(c => c.Description).NotEmpty().When(c => closure.NeedsDescription(c.Ground))
                    .WithMessage($"选择“{closure.OtherExemptionGround}”时，请说明具体情形。");
            });
            RuleFor(c => c.Description).MaximumLength(DescriptionLength).WithMessage($"情况说明不能超过 {DescriptionLength} 字。")
                .Printable("情况说明", multiLine: true);
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        public Task<SaveOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            DraftStore.SaveAsync(db, clock, command.ProjectCode, command.ConcurrencyStamp, application =>
            {
                if (command.Requested == true)
                    application.RequestExemption(command.Ground!, Common.TypedText.Clean(command.Description), clock.GetUtcNow());
                else
                    application.CancelExemptionRequest(clock.GetUtcNow());
            }, cancellationToken);
    }
}
