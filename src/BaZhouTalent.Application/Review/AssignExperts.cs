using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// 市社科联受理: choose experts from the pool and name the 主审专家; conflicts of interest are refused with the reason.
/// After a decline the chosen experts join those who stayed in the round, and the chief may be one of those.
/// The batch (一键分配, <see cref="ConfirmAssignments"/>) assigns each application through this same use case, with a
/// per-expert cap on open assignments (<see cref="Command.MaxOpenLoad"/>).
/// </summary>
public static class AssignExperts
{
    /// <param name="MaxOpenLoad">When set, an expert who already holds this many open assignments is refused; checked
    /// under the chosen experts' lock, so simultaneous assignments cannot pass it together.</param>
    public sealed record Command(string Code, Guid Stamp, IReadOnlyList<string> ExpertIds, string? ChiefExpertId, int? MaxOpenLoad = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ExpertIds).NotEmpty().WithMessage("请至少选择一位鉴定专家。");
            // Whether the chief is one of those chosen or one who stayed in the round is the application's rule.
            RuleFor(c => c.ChiefExpertId).NotEmpty().WithMessage("请指定主审专家。");
        }
    }

    public sealed class Handler(ReviewActions actions, IAppDbContext db, Audit.StaffAudit audit)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var ids = command.ExpertIds.Distinct().ToList();
            if (command.MaxOpenLoad is not { } cap)
                return RunAsync(command, ids, null, user, cancellationToken);
            // The chosen experts' lock first, then their loads as committed: a second assignment of any of them waits
            // for this one and counts it.
            return db.InTransactionAsync(async token =>
            {
                await db.LockExpertsAsync(ids, token);
                return await RunAsync(command, ids, cap, user, token);
            }, cancellationToken);
        }

        private Task<ReviewOutcome> RunAsync(Command command, List<string> ids, int? cap, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.AssignExperts, async (application, actor, now) =>
            {
                var pool = await ExpertPool.LoadAsync(db, cancellationToken);
                var staying = application.ExpertAssignments.Where(e => e.Round == application.Round).Select(e => e.ExpertUserId).ToList();
                var chosen = new List<ExpertCandidate>();
                foreach (var id in ids)
                {
                    var expert = pool.FirstOrDefault(e => e.UserId == id)
                        ?? throw new ReviewRuleException("所选专家不在专家库中或已停用，请刷新页面后重新选择。");
                    chosen.Add(expert with { IsChief = id == command.ChiefExpertId });
                }
                if (command.ChiefExpertId is { } chief && !ids.Contains(chief) && !staying.Contains(chief))
                    throw new ReviewRuleException("主审专家须是所选鉴定专家之一。");
                if (cap is { } max)
                {
                    var load = await ExpertPool.OpenLoadAsync(db, cancellationToken);
                    if (chosen.FirstOrDefault(e => load.GetValueOrDefault(e.UserId) >= max) is { } full)
                        throw new ReviewRuleException($"{full.Name}的在审任务已达上限（{max} 项），未分配；请另选专家。");
                }
                application.AssignExperts(actor, chosen, now, staying.Contains(command.ChiefExpertId ?? "") ? command.ChiefExpertId : null);
                audit.AddFor(Audit.StaffAction.ExpertsAssigned, application.Project,
                    string.Join("、", chosen.Select(e => e.IsChief ? $"{e.Name}（主审）" : e.Name)));
            }, cancellationToken);
    }
}
