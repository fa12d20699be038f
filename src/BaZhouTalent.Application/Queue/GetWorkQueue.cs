using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The home page (待办事项): everything waiting for the signed-in user, across all their roles. Every row
/// says where the user acts (<see cref="QueueTarget"/>), since when it has waited, and which group it
/// belongs to, so that the city federation sees intake, final review and overdue items apart.
/// </summary>
public static class GetWorkQueue
{
    /// <summary>Rows past their stage's time limit (<see cref="Notices.StageDeadlines"/>) are listed under this group, whatever their stage.</summary>
    public const string OverdueGroup = "已超期（超过本环节办理时限）";

    public sealed record Query;

    public sealed record Row(
        string ProjectCode,
        string ProjectTitle,
        string UnitName,
        ApplicationStatus? Status,
        string Action,
        string Group,
        QueueTarget Target,
        DateTimeOffset? WaitingSince,
        bool Overdue,
        string? ReturnReason = null)
    {
        public string StatusName => ProjectStatus.ToChinese(Status);
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, Notices.StageDeadlines deadlines)
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

            // Overdue first, then the groups in the order the roles meet an application; oldest first within.
            return rows
                .OrderByDescending(r => r.Overdue)
                .ThenBy(r => r.WaitingSince ?? DateTimeOffset.MaxValue)
                .ThenBy(r => r.ProjectCode, StringComparer.Ordinal)
                .ToList();
        }

        private bool IsOverdue(ApplicationStatus status, DateTimeOffset? since) => deadlines.IsOverdue(status, since, clock.GetUtcNow());

        private async Task<IEnumerable<Row>> ResearcherRowsAsync(string userId, CancellationToken cancellationToken)
        {
            var projects = await db.FundedProjects
                .Where(p => p.LeaderUserId == userId
                    && (p.Application == null
                        || p.Application.Status == ApplicationStatus.Draft
                        || p.Application.Status == ApplicationStatus.Returned))
                .Select(p => new
                {
                    p.Code,
                    p.Title,
                    UnitName = p.Unit.Name,
                    Status = p.Application == null ? (ApplicationStatus?)null : p.Application.Status,
                    Returns = p.Application == null
                        ? null
                        : p.Application.History.Where(h => h.ToStatus == ApplicationStatus.Returned)
                            .Select(h => new { h.At, h.Note }).ToList(),
                })
                .ToListAsync(cancellationToken);

            // The action text is computed in memory: EF cannot translate the switch to SQL.
            return projects.Select(p =>
            {
                var lastReturn = p.Status == ApplicationStatus.Returned
                    ? p.Returns?.OrderByDescending(r => r.At).FirstOrDefault()
                    : null;
                var target = p.Status switch
                {
                    null => QueueTarget.MyProjects,
                    ApplicationStatus.Returned => QueueTarget.ReturnReason,
                    _ => QueueTarget.CheckAndSubmit,
                };
                return new Row(p.Code, p.Title, p.UnitName, p.Status, ProjectStatus.ResearcherAction(p.Status) ?? "",
                    "我的结项申请", target, lastReturn?.At, false, lastReturn?.Note);
            });
        }

        private async Task<IEnumerable<Row>> ReviewerRowsAsync(
            string role, ReviewerScope scope, CancellationToken cancellationToken)
        {
            var userId = scope.UserId;
            var applications = await ReviewQueues.Pending(db, role, scope)
                .Select(a => new
                {
                    a.Project.Code,
                    a.Project.Title,
                    a.Status,
                    Entered = a.History.Where(h => h.ToStatus == a.Status).Select(h => h.At).ToList(),
                    IsChief = a.ExpertAssignments.Any(e => e.ExpertUserId == userId && e.Round == a.Round && e.IsChief),
                    Assigned = a.ExpertAssignments.Count(e => e.Round == a.Round),
                    Appraised = a.Opinions.Count(o => o.Round == a.Round && o.Stage == ReviewStage.Expert),
                    AppraisedByMe = a.Opinions.Any(o => o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == userId),
                    LastAppraisal = a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Expert)
                        .Select(o => o.SignedAt).ToList(),
                })
                .ToListAsync(cancellationToken);
            // A blind role's rows never select the applicant's unit (DisclosurePolicy.ListsApplicantFor).
            var codes = applications.Select(a => a.Code).ToList();
            var units = DisclosurePolicy.ListsApplicantFor(role)
                ? await db.FundedProjects.Where(p => codes.Contains(p.Code)).Select(p => new { p.Code, Unit = p.Unit.Name })
                    .ToDictionaryAsync(p => p.Code, p => p.Unit, cancellationToken)
                : [];

            var rows = new List<Row>();
            foreach (var a in applications)
            {
                var since = a.Entered.Count == 0 ? (DateTimeOffset?)null : a.Entered.Max();
                var action = ReviewQueues.ActionFor(a.Status);
                if (role == Roles.Expert)
                {
                    if (!a.AppraisedByMe)
                    {
                        action = "专家鉴定";
                    }
                    else if (a.IsChief && a.Appraised >= a.Assigned)
                    {
                        // The chief's own turn begins when the last appraisal arrives.
                        action = "综合鉴定（全部专家鉴定意见已到齐）";
                        since = a.LastAppraisal.Max();
                    }
                    else
                    {
                        continue; // nothing to do until the others are in
                    }
                }

                var group = role switch
                {
                    Roles.UnitReviewer => "单位审核",
                    Roles.CountyFederation => "县（区）社科联审核",
                    Roles.Expert => "专家鉴定",
                    _ => a.Status == ApplicationStatus.FederationIntake ? "受理（分配鉴定专家）" : "审核（终审）",
                };
                var overdue = IsOverdue(a.Status, since);
                var unit = units.GetValueOrDefault(a.Code, BlindReview.HiddenText);
                rows.Add(new Row(a.Code, a.Title, unit, a.Status, action, overdue ? OverdueGroup : group,
                    QueueTarget.Review, since, overdue));
            }
            return rows;
        }
    }
}

/// <summary>The page a queue row opens: where that person acts on it.</summary>
public enum QueueTarget
{
    /// <summary>我的项目, where a project's closure application is started.</summary>
    MyProjects,
    /// <summary>检查并提交: lists what is missing, each linked to its section.</summary>
    CheckAndSubmit,
    /// <summary>The application page at the reviewer's return reason.</summary>
    ReturnReason,
    /// <summary>审核办理 (/Review/Act).</summary>
    Review,
}
