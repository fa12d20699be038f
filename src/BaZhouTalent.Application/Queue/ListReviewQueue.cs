using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The list page of one reviewing role (/Review/Unit, /Review/County, …): searched, sorted and paged on the server, with
/// a count per status so the city federation can look at 待受理 and 待终审 apart.
/// </summary>
public static class ListReviewQueue
{
    /// <param name="Role">One of <see cref="ReviewQueues.ReviewerRoles"/>; the page passes its own role.</param>
    /// <param name="Status">Only the applications in this status (a status the role does not meet lists nothing).</param>
    public sealed record Query(string Role, ListRequest Listing, ApplicationStatus? Status = null);

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

    /// <param name="CountsByStatus">How many of the searched rows are in each status, whatever status was chosen.</param>
    public sealed record Result(Paged<Row> Rows, IReadOnlyDictionary<ApplicationStatus, int> CountsByStatus);

    /// <summary>Sort keys a blind role may use: none of them orders by who or where the applicant is.</summary>
    public static readonly SortMap<ClosureApplication> BlindSorts = new SortMap<ClosureApplication>(a => a.Id)
        .Add("submitted", a => a.SubmittedAt)
        .Add("code", a => a.Project.Code)
        .Add("title", a => a.ProjectTitle);

    public static readonly SortMap<ClosureApplication> Sorts = new SortMap<ClosureApplication>(a => a.Id)
        .Add("submitted", a => a.SubmittedAt)
        .Add("code", a => a.Project.Code)
        .Add("title", a => a.ProjectTitle)
        .Add("leader", a => a.CurrentLeader.Name)
        .Add("unit", a => a.Project.Unit.Name);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, ListCounts listCounts)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var listsApplicant = DisclosurePolicy.ListsApplicantFor(query.Role);
            var pending = ReviewQueues.Pending(db, query.Role, currentUser);
            if (query.Listing.Term is { } term)
            {
                // A blind role searches only what it is shown: searching by name would reveal the names.
                pending = listsApplicant
                    ? pending.Where(a => a.ProjectTitle.ToLower().Contains(term) || a.Project.Code.ToLower().Contains(term)
                        || a.CurrentLeader.Name.ToLower().Contains(term) || a.Project.Unit.Name.ToLower().Contains(term))
                    : pending.Where(a => a.ProjectTitle.ToLower().Contains(term) || a.Project.Code.ToLower().Contains(term));
            }

            // Kept per view and search until the next saved change (ListCounts); the status tabs share them.
            // A role of one stage (the experts) is counted without grouping: a GROUP BY on the status would make SQLite
            // read the stage's status index rather than start from the expert's own assignments (ReviewQueues.Pending).
            var stages = ReviewQueues.StagesOf(query.Role);
            var counts = await listCounts.KeepAsync((nameof(ListReviewQueue), query.Role, Visibility.ScopeOf(currentUser), query.Listing.Term),
                async () => stages.Count == 1
                    ? new Dictionary<ApplicationStatus, int> { [stages[0]] = await pending.CountAsync(cancellationToken) }
                    : await pending.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
                        .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken));
            // The page's total is one of those counts (or their sum): not counted again.
            var total = counts.Values.Sum();
            if (query.Status is { } status)
            {
                pending = pending.Where(a => a.Status == status);
                total = counts.GetValueOrDefault(status);
            }

            // A blind role's rows are projected without the leader and the unit: the names never leave the database.
            var rows = listsApplicant
                ? await pending.ToPageAsync(query.Listing, Sorts,
                    a => new Row(a.Id, a.Project.Code, a.ProjectTitle, a.CurrentLeader.Name, a.Project.Unit.Name, a.Status, a.SubmittedAt),
                    total, cancellationToken)
                : await pending.ToPageAsync(query.Listing, BlindSorts,
                    a => new Row(a.Id, a.Project.Code, a.ProjectTitle, BlindReview.HiddenText, BlindReview.HiddenText, a.Status, a.SubmittedAt),
                    total, cancellationToken);
            return new Result(rows, counts);
        }
    }
}
