using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>The home page (待办事项): everything waiting for the signed-in user, across all their roles.</summary>
public static class GetWorkQueue
{
    public sealed record Query;

    public sealed record Row(
        string ProjectCode,
        string ProjectTitle,
        string UnitName,
        ApplicationStatus? Status,
        string Action)
    {
        public string StatusName => ProjectStatus.ToChinese(Status);
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var scope = await ReviewerScope.LoadAsync(db, currentUser, cancellationToken);
            if (scope is null)
                return [];

            var rows = new List<Row>();
            if (currentUser.IsInRole(Roles.Researcher))
                rows.AddRange(await ResearcherRowsAsync(scope.UserId, cancellationToken));

            foreach (var role in ReviewQueues.ReviewerRoles.Where(currentUser.IsInRole))
                rows.AddRange(await ReviewerRowsAsync(role, scope, cancellationToken));

            return rows;
        }

        private async Task<IEnumerable<Row>> ResearcherRowsAsync(string userId, CancellationToken cancellationToken)
        {
            var projects = await db.FundedProjects
                .Where(p => p.LeaderUserId == userId
                    && (p.Application == null
                        || p.Application.Status == ApplicationStatus.Draft
                        || p.Application.Status == ApplicationStatus.Returned))
                .OrderBy(p => p.Code)
                .Select(p => new
                {
                    p.Code,
                    p.Title,
                    UnitName = p.Unit.Name,
                    Status = p.Application == null ? (ApplicationStatus?)null : p.Application.Status,
                })
                .ToListAsync(cancellationToken);

            // The action text is computed in memory: EF cannot translate the switch to SQL.
            return projects.Select(p => new Row(
                p.Code, p.Title, p.UnitName, p.Status, ProjectStatus.ResearcherAction(p.Status) ?? ""));
        }

        private async Task<IEnumerable<Row>> ReviewerRowsAsync(
            string role, ReviewerScope scope, CancellationToken cancellationToken)
        {
            var pending = ReviewQueues.Pending(db, role, scope).OrderBy(a => a.SubmittedAt).ThenBy(a => a.Project.Code);
            // A blind role's rows never select the applicant's unit (see DisclosurePolicy.ListsApplicantFor).
            var applications = DisclosurePolicy.ListsApplicantFor(role)
                ? await pending.Select(a => new { a.Project.Code, a.Project.Title, UnitName = a.Project.Unit.Name, a.Status }).ToListAsync(cancellationToken)
                : await pending.Select(a => new { a.Project.Code, a.Project.Title, UnitName = BlindReview.HiddenText, a.Status }).ToListAsync(cancellationToken);
            return applications.Select(a => new Row(a.Code, a.Title, a.UnitName, a.Status, ReviewQueues.ActionFor(a.Status)));
        }
    }
}
