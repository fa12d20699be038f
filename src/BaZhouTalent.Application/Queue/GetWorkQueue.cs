using System.Linq.Expressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The home page (待办事项): everything waiting for the signed-in user, across all their roles, in groups — the
/// researcher's own applications, each reviewing role's stage (the city federation's intake and final review apart),
/// and what has waited too long (已超期). Each group is counted and paged in the database, so the page stays one page of
/// rows per group however many records there are. Every row says where the user acts (<see cref="QueueTarget"/>) and
/// since when it has waited.
/// </summary>
public static class GetWorkQueue
{
    /// <summary>Rows past their stage's time limit (<see cref="Notices.StageDeadlines"/>) are listed under this group, whatever their stage.</summary>
    public const string OverdueGroup = "已超期（超过本环节办理时限）";

    /// <param name="Group">The key of the one group to page through (<see cref="Group.Key"/>); null: every group's first page.</param>
    public sealed record Query(string? Group = null, int Page = 1, int PageSize = ListRequest.DefaultPageSize);

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

    /// <summary>One group of the queue: its rows' page and how many there are in all.</summary>
    public sealed record Group(string Key, string Title, bool Overdue, Paged<Row> Rows);

    /// <summary>A queue row as the database answers it (member-init, so EF can filter, sort and page over it).</summary>
    private sealed class Item
    {
        /// <summary>Which group's page a row of a combined read belongs to (<see cref="Handler.FirstPagesAsync"/>).</summary>
        public int Tag { get; init; }
        public int ProjectId { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string? UnitName { get; init; }
        public ApplicationStatus? Status { get; init; }
        public DateTimeOffset? Since { get; init; }
        public bool ChiefTurn { get; init; }
        public bool ExemptionPending { get; init; }
        public DateOnly? DeferredUntil { get; init; }
        public string? ReturnReason { get; init; }
    }

    /// <summary>The researcher's items: oldest first, those without a time (not started, drafts) last, then by code.</summary>
    private static readonly SortMap<Item> ResearcherOrder = SortMap<Item>.TieBrokenByChain(q => q.ThenBy(i => i.Since).ThenBy(i => i.Code))
        .Add("waiting", i => i.Since == null);

    /// <summary>
    /// A reviewer's items: oldest first (an item in review always has its time), the project keeping pages stable. The
    /// same order as the (Status, StatusSince, ProjectId) index, so a page of a stage reads 20 index entries, not the stage.
    /// </summary>
    private static readonly SortMap<Item> ReviewerOrder = SortMap<Item>.TieBrokenBy(i => i.ProjectId).Add("waiting", i => i.Since);

    /// <summary>
    /// The overdue rule (<see cref="StageDeadlines"/>: each stage's working days) as a filter the database runs: an item
    /// is overdue when it entered its stage before that stage's cutoff for today. Only the role's own stages are
    /// written out, and an item without a time compares as never late: an expert's “since when” is itself a subquery,
    /// and each stage more, or a separate null check, would evaluate it again for every row.
    /// </summary>
    private static Expression<Func<Item, bool>> Overdue(StageDeadlines deadlines, DateTimeOffset now, IEnumerable<ApplicationStatus> stages)
    {
        var cutoffs = deadlines.OverdueCutoffs(now);
        // A stage without a limit is never overdue.
        return stages.Where(cutoffs.ContainsKey)
            .Select(stage => StageOverdue(stage, cutoffs[stage]))
            .Aggregate((Expression<Func<Item, bool>>?)null, (either, next) => either is null ? next : ParameterSwap.Or(either, next))
            ?? (_ => false);
    }

    /// <summary>One stage's part of the rule; the status and cutoff are captured, so EF sends them as parameters.</summary>
    private static Expression<Func<Item, bool>> StageOverdue(ApplicationStatus stage, DateTimeOffset cutoff) =>
        i => i.Status == stage && (i.Since ?? DateTimeOffset.MaxValue) < cutoff;

    private static Expression<Func<Item, bool>> NotOverdue(StageDeadlines deadlines, DateTimeOffset now, IEnumerable<ApplicationStatus> stages)
    {
        var overdue = Overdue(deadlines, now, stages);
        return Expression.Lambda<Func<Item, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    /// <summary>
    /// The items a role's groups are drawn from (one role's pending applications, or the researcher's projects): one
    /// query, or parts that never overlap, each in a shape the database reads simply — an expert's items to appraise
    /// wait since their stage began and follow the status index, while the chief's items to combine wait since the last
    /// appraisal. A page of several parts is merged from each part's first rows.
    /// </summary>
    private sealed class Family(params IQueryable<Item>[] parts)
    {
        public IReadOnlyList<IQueryable<Item>> Parts { get; } = parts;
    }

    /// <summary>
    /// A group before it is read: the items of its family that match <see cref="InGroup"/>, how each reads, and whether
    /// they are the overdue ones. A family's groups do not overlap, so one grouped count (per part) answers how many each holds.
    /// </summary>
    private sealed record Definition(string Key, string Title, bool Overdue, Family Family, Expression<Func<Item, bool>> InGroup,
        Func<Item, Row> ToRow)
    {
        public SortMap<Item> Order { get; init; } = ReviewerOrder;
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, StageDeadlines deadlines, ListCounts counts)
    {
        public async Task<IReadOnlyList<Group>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            if (currentUser.UserId is not { } userId)
                return [];

            var shown = Definitions(userId).Where(d => query.Group is null || query.Group == d.Key).ToList();
            // The groups' counts change with the data and, for the overdue rule, with the day: kept per view until either moves.
            var totals = await counts.KeepAsync((nameof(GetWorkQueue), Visibility.ScopeOf(currentUser), query.Group, ChinaTime.Today(clock)),
                () => CountAllAsync(shown, cancellationToken));

            var read = shown.Where(d => totals[d.Key].Sum() > 0).ToList();
            var request = new ListRequest(query.Group is null ? 1 : query.Page, query.PageSize);
            var pages = query.Group is null
                ? await FirstPagesAsync(read, request, totals, cancellationToken)
                : read.Count == 0 ? [] : [await PageAsync(read[0], request, totals[read[0].Key], cancellationToken)];
            return read.Select((definition, g) => new Group(definition.Key, definition.Title, definition.Overdue,
                new Paged<Row>(pages[g].Rows.Select(definition.ToRow).ToList(), pages[g].Page, pages[g].PageSize, pages[g].Total))).ToList();
        }

        /// <summary>
        /// Every group's first page, in the order given. The groups of a one-part family (a reviewing role's stages) are
        /// read in one statement, each group's page tagged: the federation's three groups cost one round trip and one pass
        /// through EF's query pipeline instead of three, which was most of what its home page costs at 20,000 records.
        /// </summary>
        private static async Task<List<Paged<Item>>> FirstPagesAsync(IReadOnlyList<Definition> read, ListRequest request,
            Dictionary<string, int[]> totals, CancellationToken cancellationToken)
        {
            var pages = new Paged<Item>?[read.Count];
            foreach (var family in read.Select((definition, g) => (definition, g)).GroupBy(x => x.definition.Family))
            {
                var members = family.ToList();
                if (family.Key.Parts.Count > 1 || members.Count == 1 || members.Any(x => x.definition.Order != members[0].definition.Order))
                {
                    foreach (var (definition, g) in members)
                        pages[g] = await PageAsync(definition, request, totals[definition.Key], cancellationToken);
                    continue;
                }
                var size = request.SafePageSize;
                var order = members[0].definition.Order;
                var combined = members
                    .Select(x => x.definition.Order.Apply(family.Key.Parts[0].Where(x.definition.InGroup), request.Sort, request.Descending)
                        .Take(size).Select(Tagged(x.g)))
                    .Aggregate((all, next) => all.Concat(next));
                // A union keeps no order of its own: the database sorts it (a family's groups share one order), and
                // each group takes its rows in that order.
                var rows = await order.Apply(combined, request.Sort, request.Descending).ToListAsync(cancellationToken);
                foreach (var (definition, g) in members)
                    pages[g] = new Paged<Item>(rows.Where(r => r.Tag == g).ToList(), 1, size, totals[definition.Key].Sum());
            }
            return pages.Select(p => p!).ToList();
        }

        /// <summary>The same row, tagged with its group's position. Every member is carried, so the reviewing roles' projections (the only one-part families with several groups) set them all.</summary>
        private static Expression<Func<Item, Item>> Tagged(int tag) => i => new Item
        {
            Tag = tag,
            ProjectId = i.ProjectId,
            Code = i.Code,
            Title = i.Title,
            UnitName = i.UnitName,
            Status = i.Status,
            Since = i.Since,
            ChiefTurn = i.ChiefTurn,
            ExemptionPending = i.ExemptionPending,
            DeferredUntil = i.DeferredUntil,
            ReturnReason = i.ReturnReason,
        };

        /// <summary>How many items each group holds in each part of its family, by group key: one grouped count per part.</summary>
        private static async Task<Dictionary<string, int[]>> CountAllAsync(IReadOnlyList<Definition> shown, CancellationToken cancellationToken)
        {
            var totals = shown.ToDictionary(d => d.Key, d => new int[d.Family.Parts.Count]);
            foreach (var family in shown.GroupBy(d => d.Family))
            {
                var members = family.ToList();
                for (var p = 0; p < family.Key.Parts.Count; p++)
                {
                    var counts = await CountEachAsync(family.Key.Parts[p], members, cancellationToken);
                    for (var g = 0; g < members.Count; g++)
                        totals[members[g].Key][p] = counts[g];
                }
            }
            return totals;
        }

        /// <summary>
        /// One page of a group: the database's page when one part holds its items, or else the first rows of each part
        /// that holds some, merged in the same order.
        /// </summary>
        private static async Task<Paged<Item>> PageAsync(Definition definition, ListRequest request, int[] partCounts,
            CancellationToken cancellationToken)
        {
            var total = partCounts.Sum();
            var parts = definition.Family.Parts.Where((_, p) => partCounts[p] > 0).ToList();
            if (parts.Count == 1)
                return await parts[0].Where(definition.InGroup).ToPageAsync(request, definition.Order, i => i, total, cancellationToken);
            // Each part's first rows up to this page, merged and cut to the page by the database in one statement.
            var size = request.SafePageSize;
            var page = request.PageWithin(total);
            var firstRows = parts
                .Select(part => definition.Order.Apply(part.Where(definition.InGroup), request.Sort, request.Descending).Take(page * size))
                .Aggregate((all, next) => all.Concat(next));
            var merged = await definition.Order.Apply(firstRows, request.Sort, request.Descending)
                .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
            return new Paged<Item>(merged, page, size, total);
        }

        /// <summary>How many items of <paramref name="items"/> each group holds, in one grouped count.</summary>
        private static async Task<IReadOnlyList<int>> CountEachAsync(IQueryable<Item> items, IReadOnlyList<Definition> groups,
            CancellationToken cancellationToken)
        {
            if (groups.Count == 1)
                return [await items.CountAsync(groups[0].InGroup, cancellationToken)];
            var item = Expression.Parameter(typeof(Item), "i");
            // The index of the first group an item is in (they do not overlap), or -1.
            Expression index = Expression.Constant(-1);
            for (var g = groups.Count - 1; g >= 0; g--)
                index = Expression.Condition(ParameterSwap.Apply(groups[g].InGroup, item), Expression.Constant(g), index);
            var counted = await items.GroupBy(Expression.Lambda<Func<Item, int>>(index, item))
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);
            return groups.Select((_, g) => counted.GetValueOrDefault(g)).ToList();
        }

        /// <summary>The user's groups in the order shown: overdue first, then the groups in the order the roles meet an application.</summary>
        private IEnumerable<Definition> Definitions(string userId)
        {
            var now = clock.GetUtcNow();
            var reviewerRoles = ReviewQueues.ReviewerRoles.Where(currentUser.IsInRole).ToList();
            var normal = new List<Definition>();
            var overdue = new List<Definition>();
            if (currentUser.IsInRole(Roles.Researcher))
                normal.Add(new Definition("mine", "我的结项申请", false, new Family(ResearcherItems(userId)), _ => true, ResearcherRow) { Order = ResearcherOrder });

            foreach (var role in reviewerRoles)
            {
                var items = ReviewerItems(role, userId);
                var stages = ReviewQueues.StagesOf(role);
                var overdueTitle = reviewerRoles.Count == 1 ? OverdueGroup : $"{OverdueGroup}·{RoleGroupTitle(role)}";
                overdue.Add(new Definition($"overdue-{GroupKey(role)}", overdueTitle, true, items, Overdue(deadlines, now, stages),
                    i => ReviewerRow(role, i, overdueTitle, true)));
                if (role == Roles.MunicipalFederation)
                {
                    // The city federation's intake (experts to assign, or an exemption to decide) and final review are
                    // different work: listed apart.
                    var waiting = NotOverdue(deadlines, now, stages);
                    foreach (var (key, title, inGroup) in new (string, string, Expression<Func<Item, bool>>)[]
                    {
                        ("exemption", "受理（免于鉴定申请）", i => i.Status == ApplicationStatus.FederationIntake && i.ExemptionPending),
                        ("intake", "受理（分配鉴定专家）", i => i.Status == ApplicationStatus.FederationIntake && !i.ExemptionPending),
                        ("review", "审核（终审）", i => i.Status == ApplicationStatus.FederationReview),
                    })
                    {
                        normal.Add(new Definition(key, title, false, items, ParameterSwap.And(waiting, inGroup), i => ReviewerRow(role, i, title, false)));
                    }
                }
                else
                {
                    var title = RoleGroupTitle(role);
                    normal.Add(new Definition(GroupKey(role), title, false, items, NotOverdue(deadlines, now, stages), i => ReviewerRow(role, i, title, false)));
                }
            }
            return overdue.Concat(normal);
        }

        private static string GroupKey(string role) => role switch
        {
            Roles.UnitReviewer => "unit",
            Roles.CountyFederation => "county",
            Roles.Expert => "expert",
            _ => "federation",
        };

        private static string RoleGroupTitle(string role) => role switch
        {
            Roles.UnitReviewer => "单位审核",
            Roles.CountyFederation => "县（区）社科联审核",
            Roles.Expert => "专家鉴定",
            _ => "市社科联受理与审核",
        };

        private IQueryable<Item> ResearcherItems(string userId) =>
            db.FundedProjects.AsNoTracking()
                .Where(p => p.LeaderUserId == userId && p.Lifecycle == ProjectLifecycleStatus.Active
                    && (p.Application == null
                        || p.Application.Status == ApplicationStatus.Draft
                        || p.Application.Status == ApplicationStatus.Returned
                        || p.Application.Status == ApplicationStatus.Deferred))
                .Select(p => new Item
                {
                    ProjectId = p.Id,
                    Code = p.Code,
                    Title = p.Title,
                    UnitName = p.Unit.Name,
                    Status = p.Application == null ? null : p.Application.Status,
                    Since = p.Application != null && (p.Application.Status == ApplicationStatus.Returned || p.Application.Status == ApplicationStatus.Deferred)
                        ? p.Application.StatusSince
                        : null,
                    DeferredUntil = p.Application == null ? null : p.Application.DeferredUntil,
                    ReturnReason = p.Application != null && (p.Application.Status == ApplicationStatus.Returned || p.Application.Status == ApplicationStatus.Deferred)
                        ? p.Application.History.Where(h => h.ToStatus == p.Application.Status)
                            .OrderByDescending(h => h.At).Select(h => h.Note).FirstOrDefault()
                        : null,
                });

        private Row ResearcherRow(Item i)
        {
            var target = i.Status switch
            {
                null => QueueTarget.MyProjects,
                ApplicationStatus.Returned or ApplicationStatus.Deferred => QueueTarget.ReturnReason,
                _ => QueueTarget.CheckAndSubmit,
            };
            var action = ProjectStatus.ResearcherAction(i.Status) ?? "";
            if (i.DeferredUntil is { } due)
                action += $"（{due:yyyy年M月d日}前）";
            // A deferral past its date waits on the researcher: it is overdue like any other late item.
            var overdue = i.DeferredUntil is { } until && until < ChinaTime.Today(clock);
            return new Row(i.Code, i.Title, i.UnitName ?? "", i.Status, action, "我的结项申请", target, i.Since, overdue, i.ReturnReason);
        }

        /// <summary>
        /// The role's pending applications as queue items, waiting since they entered their status. An expert's item
        /// is theirs until they appraise; after that only the chief's, from the moment the last appraisal arrives.
        /// A blind role's items never select the applicant's unit (DisclosurePolicy.ListsApplicantFor).
        /// </summary>
        private Family ReviewerItems(string role, string userId)
        {
            var pending = ReviewQueues.Pending(db, role, currentUser);
            if (role == Roles.Expert)
            {
                var toAppraise = pending
                    .Where(a => !a.Opinions.Any(o => o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == userId))
                    .Select(a => new Item
                    {
                        ProjectId = a.ProjectId,
                        Code = a.Project.Code,
                        Title = a.Project.Title,
                        Status = a.Status,
                        ChiefTurn = false,
                        Since = a.StatusSince,
                    });
                // Theirs again once every appraisal, their own included, is in: the chief combines them. Read from the
                // applications the expert has appraised (a few, by the signer index), not by testing every one in the stage.
                var appraised = db.ReviewOpinions.Where(o => o.SignerUserId == userId && o.Stage == ReviewStage.Expert).Select(o => o.ApplicationId);
                var toCombine = pending
                    .Where(a => appraised.Contains(a.Id)
                        && a.Opinions.Any(o => o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == userId)
                        && a.ExpertAssignments.Any(e => e.ExpertUserId == userId && e.Round == a.Round && e.IsChief)
                        && a.Opinions.Count(o => o.Round == a.Round && o.Stage == ReviewStage.Expert)
                            >= a.ExpertAssignments.Count(e => e.Round == a.Round))
                    .Select(a => new Item
                    {
                        ProjectId = a.ProjectId,
                        Code = a.Project.Code,
                        Title = a.Project.Title,
                        Status = a.Status,
                        ChiefTurn = true,
                        Since = a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Expert).Max(o => (DateTimeOffset?)o.SignedAt),
                    });
                return new Family(toAppraise, toCombine);
            }
            return new Family(DisclosurePolicy.ListsApplicantFor(role)
                ? pending.Select(a => new Item
                {
                    ProjectId = a.ProjectId,
                    Code = a.Project.Code,
                    Title = a.Project.Title,
                    UnitName = a.Project.Unit.Name,
                    Status = a.Status,
                    ExemptionPending = a.ExemptionRequested && a.ExemptionDecision == null,
                    Since = a.StatusSince,
                    ChiefTurn = false,
                    DeferredUntil = null,
                    ReturnReason = null,
                })
                : pending.Select(a => new Item
                {
                    ProjectId = a.ProjectId,
                    Code = a.Project.Code,
                    Title = a.Project.Title,
                    UnitName = null,
                    Status = a.Status,
                    ExemptionPending = a.ExemptionRequested && a.ExemptionDecision == null,
                    Since = a.StatusSince,
                    ChiefTurn = false,
                    DeferredUntil = null,
                    ReturnReason = null,
                }));
        }

        private static Row ReviewerRow(string role, Item i, string group, bool overdue)
        {
            var status = i.Status ?? ApplicationStatus.Draft;
            // The action text is the table's: the first action of this role open in this state.
            var action = role == Roles.Expert
                ? WorkflowActions.Of(i.ChiefTurn ? ReviewTrigger.CompleteAppraisal : ReviewTrigger.Appraise).QueueText!
                : WorkflowActions.QueueTextFor(role, status, new WorkflowFacts(false, false, i.ExemptionPending)) ?? ReviewQueues.ActionFor(status);
            return new Row(i.Code, i.Title, i.UnitName ?? BlindReview.HiddenText, i.Status, action, group,
                QueueTarget.Review, i.Since, overdue);
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
    /// <summary>The application page at the reviewer's return (or deferral) reason.</summary>
    ReturnReason,
    /// <summary>审核办理 (/Review/Act).</summary>
    Review,
}
