using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>The list page of one reviewing role (/Review/Unit, /Review/County, …).</summary>
public static class ListReviewQueue
{
    /// <param name="Role">One of <see cref="ReviewQueues.ReviewerRoles"/>; the page passes its own role.</param>
    public sealed record Query(string Role);

    public sealed record Row(
        int ApplicationId,
        string ProjectCode,
        string ProjectTitle,
        string LeaderName,
        string UnitName,
        ApplicationStatus Status,
        DateTimeOffset? SubmittedAt)
    {
        public string StatusName => Status.ToChinese();
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var scope = await ReviewerScope.LoadAsync(db, currentUser, cancellationToken);
            if (scope is null || !currentUser.IsInRole(query.Role))
                return [];

            var pending = ReviewQueues.Pending(db, query.Role, scope)
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Project.Code);
            // A blind role's rows are projected without the leader and the unit: the names never leave the database.
            return DisclosurePolicy.ListsApplicantFor(query.Role)
                ? await pending.Select(a => new Row(a.Id, a.Project.Code, a.Project.Title, a.CurrentLeader.Name, a.Project.Unit.Name, a.Status, a.SubmittedAt))
                    .ToListAsync(cancellationToken)
                : await pending.Select(a => new Row(a.Id, a.Project.Code, a.Project.Title, BlindReview.HiddenText, BlindReview.HiddenText, a.Status, a.SubmittedAt))
                .ToListAsync(cancellationToken);
        }
    }
}
