using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using FluentValidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// 一键分配, the confirmation: the table as the federation adjusted it, in one post. Each application is assigned through
/// the single assignment's use case (<see cref="AssignExperts"/>: the same checks, history, notices and audit), capped
/// by <see cref="BatchAssignmentOptions.MaxOpenPerExpert"/>.
/// Decided: not all-or-nothing. Each assignment is a hand-over of its own (its notices go to its experts, its history
/// to its application) and is saved as one; an application another clerk assigned meanwhile, or an expert who reached
/// the cap, says nothing about the others, and holding them all back would make the clerk redo a table whose other rows
/// were right. So every row is tried, the ones that succeed are saved, and the ones refused are named with the reason
/// (they are still at intake, proposed afresh on the page).
/// </summary>
public static class ConfirmAssignments
{
    public sealed record Row(string Code, Guid Stamp, IReadOnlyList<string> ExpertIds, string? ChiefExpertId);

    public sealed record Command(IReadOnlyList<Row> Rows);

    public sealed record Failure(string Code, string Message);

    public sealed record Result(int Assigned, IReadOnlyList<Failure> Failures);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rows).NotEmpty().WithMessage("请至少勾选一项要分配的结项申请。");
        }
    }

    public sealed class Handler(AssignExperts.Handler assign, IValidator<AssignExperts.Command> rowValidator, IAppDbContext db,
        IOptions<BatchAssignmentOptions> options, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var failures = new List<Failure>();
            var assigned = 0;
            foreach (var row in command.Rows)
            {
                var single = new AssignExperts.Command(row.Code, row.Stamp, row.ExpertIds.Where(id => id.Length > 0).Distinct().ToList(),
                    string.IsNullOrEmpty(row.ChiefExpertId) ? null : row.ChiefExpertId, options.Value.MaxOpenPerExpert);
                var validation = await rowValidator.ValidateAsync(single, cancellationToken);
                var outcome = validation.IsValid
                    ? await assign.HandleAsync(single, user, cancellationToken)
                    : ReviewOutcome.Refused(string.Join("", validation.Errors.Select(e => e.ErrorMessage)));
                // Each row starts from what is saved: nothing a refused row tracked may ride on the next one's save.
                db.DiscardChanges();
                if (outcome.Kind == ReviewOutcomeKind.Done)
                    assigned++;
                else
                    failures.Add(new Failure(row.Code, outcome.Kind switch
                    {
                        ReviewOutcomeKind.Conflict => "该申请在您打开页面后已被他人处理，本项未分配。",
                        ReviewOutcomeKind.NotFound or ReviewOutcomeKind.Forbidden => "该申请已不在待受理环节，本项未分配。",
                        _ => outcome.Message ?? "本项未分配。",
                    }));
            }
            log.LogInformation("Batch assignment: {Assigned} assigned, {Refused} refused ({Codes})",
                assigned, failures.Count, string.Join(",", failures.Select(f => f.Code)));
            return new Result(assigned, failures);
        }
    }
}
