using System.Linq.Expressions;
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

    /// <summary>A listed row as the database answers it (member-init, so EF can sort, page and unite the stages' parts over it).</summary>
    private sealed class Listed
    {
        public int ApplicationId { get; init; }
        public int ProjectId { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string Leader { get; init; } = "";
        public string Unit { get; init; } = "";
        public ApplicationStatus Status { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
    }

    /// <summary>
    /// Sort keys a blind role may use: none of them orders by who or where the applicant is. Ties go by the project,
    /// as the (Status, SubmittedAt, ProjectId) index orders them, so a stage's page by submission is read along it.
    /// </summary>
    private static readonly SortMap<Listed> BlindSorts = SortMap<Listed>.TieBrokenBy(l => l.ProjectId)
        .Add("submitted", l => l.SubmittedAt)
        .Add("code", l => l.Code)
        .Add("title", l => l.Title);

    private static readonly SortMap<Listed> Sorts = SortMap<Listed>.TieBrokenBy(l => l.ProjectId)
        .Add("submitted", l => l.SubmittedAt)
        .Add("code", l => l.Code)
        .Add("title", l => l.Title)
        .Add("leader", l => l.Leader)
        .Add("unit", l => l.Unit);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, ListCounts listCounts)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var listsApplicant = DisclosurePolicy.ListsApplicantFor(query.Role);
            var matches = query.Listing.Term is { } term ? Matching(term, listsApplicant) : null;
            var pending = ReviewQueues.Pending(db, query.Role, currentUser);
            if (matches is not null)
                pending = pending.Where(matches);

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
                total = counts.GetValueOrDefault(status);

            // A blind role's rows are projected without the leader and the unit: the names never leave the database.
            Expression<Func<ClosureApplication, Listed>> listed = listsApplicant
                ? a => new Listed
                {
                    ApplicationId = a.Id, ProjectId = a.ProjectId, Code = a.Project.Code, Title = a.ProjectTitle,
                    Leader = a.CurrentLeader.Name, Unit = a.Project.Unit.Name, Status = a.Status, SubmittedAt = a.SubmittedAt,
                }
                : a => new Listed
                {
                    ApplicationId = a.Id, ProjectId = a.ProjectId, Code = a.Project.Code, Title = a.ProjectTitle,
                    Leader = BlindReview.HiddenText, Unit = BlindReview.HiddenText, Status = a.Status, SubmittedAt = a.SubmittedAt,
                };
            // Each stage is a part read along its own (Status, …) index and the parts' first rows merged: sorting the
            // stages together (受理 and 终审 at the federation) would sort every row of both for each page.
            var shown = query.Status is { } only ? new List<ApplicationStatus> { only } : counts.Keys.Where(stage => counts[stage] > 0).Order().ToList();
            if (shown.Count == 0)
                shown.AddRange(stages.Take(1));
            var parts = shown.Select(stage => query.Role == Roles.Expert && currentUser.UserId is { } expertId
                ? ExpertRows(expertId, stage, matches)
                : pending.Where(a => a.Status == stage).Select(listed)).ToList();
            var page = await parts.ToPageAsync(shown.Select(stage => counts.GetValueOrDefault(stage)).ToList(), query.Listing,
                listsApplicant ? Sorts : BlindSorts, cancellationToken);
            var rows = new Paged<Row>(page.Rows.Select(l => new Row(l.ApplicationId, l.Code, l.Title, l.Leader, l.Unit, l.Status, l.SubmittedAt)).ToList(),
                page.Page, page.PageSize, total);
            return new Result(rows, counts);
        }

        /// <summary>A blind role searches only what it is shown: searching by name would reveal the names.</summary>
        private static Expression<Func<ClosureApplication, bool>> Matching(string term, bool listsApplicant) => listsApplicant
            ? a => a.ProjectTitle.ToLower().Contains(term) || a.Project.Code.ToLower().Contains(term)
                || a.CurrentLeader.Name.ToLower().Contains(term) || a.Project.Unit.Name.ToLower().Contains(term)
            : a => a.ProjectTitle.ToLower().Contains(term) || a.Project.Code.ToLower().Contains(term);

        /// <summary>
        /// An expert's rows (blind) with the submission time kept on their own assignment: the page by submission is
        /// read along the (ExpertUserId, ClosedAt, SubmittedAt) index instead of sorting every appraisal they have open.
        /// </summary>
        private IQueryable<Listed> ExpertRows(string expertId, ApplicationStatus stage, Expression<Func<ClosureApplication, bool>>? matches)
        {
            var waiting = ReviewQueues.ExpertWaiting(db, currentUser).Where(a => a.Status == stage);
            if (matches is not null)
                waiting = waiting.Where(matches);
            return ReviewQueues.OnOpenAssignments(db, expertId, waiting, (e, a) => new Listed
            {
                ApplicationId = a.Id, ProjectId = a.ProjectId, Code = a.Project.Code, Title = a.ProjectTitle,
                Leader = BlindReview.HiddenText, Unit = BlindReview.HiddenText, Status = a.Status, SubmittedAt = e.SubmittedAt,
            });
        }
    }
}
