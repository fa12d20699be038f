using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Review;

/// <summary>市社科联受理: choose experts from the pool and name the 主审专家; conflicts of interest are refused with the reason.</summary>
public static class AssignExperts
{
    public sealed record Command(string Code, Guid Stamp, IReadOnlyList<string> ExpertIds, string? ChiefExpertId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ExpertIds).NotEmpty().WithMessage("请至少选择一位鉴定专家。");
            RuleFor(c => c.ChiefExpertId).NotEmpty().WithMessage("请指定主审专家。")
                .Must((c, chief) => chief is null || c.ExpertIds.Contains(chief)).WithMessage("主审专家须是所选鉴定专家之一。");
        }
    }

    public sealed class Handler(ReviewActions actions, IAppDbContext db, UserManager<AppUser> users, Audit.StaffAudit audit)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
            actions.RunAsync(user, command.Code, command.Stamp, ReviewTrigger.AssignExperts, async (application, actor, now) =>
            {
                var pool = await ExpertPool.LoadAsync(db, users, cancellationToken);
                var chosen = new List<ExpertCandidate>();
                foreach (var id in command.ExpertIds.Distinct())
                {
                    var expert = pool.FirstOrDefault(e => e.UserId == id)
                        ?? throw new ReviewRuleException("所选专家不在专家库中或已停用，请刷新页面后重新选择。");
                    chosen.Add(expert with { IsChief = id == command.ChiefExpertId });
                }
                application.AssignExperts(actor, chosen, now);
                audit.AddFor(Audit.StaffAction.ExpertsAssigned, application.Project,
                    string.Join("、", chosen.Select(e => e.IsChief ? $"{e.Name}（主审）" : e.Name)));
            }, cancellationToken);
    }
}
