using System.Linq.Expressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The home page (待办事项): everything waiting for the signed-in user, across all their roles, in groups — the
/// researcher's own applications, each reviewing role's stage (the city federation's intake and final review apart),
/// and what has waited too long (已超期). Which stage is whose, its group and its limit are the stage table's
/// (<see cref="WorkflowStages"/>). Each group is counted and paged in the database with the shared helpers
/// (<see cref="GroupPaging"/>), so the page stays one page of rows per group however many records there are. Every row
/// says where the user acts (<see cref="QueueTarget"/>) and since when it has waited. The items each role's groups
/// are drawn from are in GetWorkQueue.Items.cs.
/// </summary>
public static partial class GetWorkQueue
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

        /// <summary>What the reason shown under a sent-back row is called (退回理由, 暂缓结项意见).</summary>
        public string? ReasonLabel => Status is { } s ? WorkflowStages.Of(s).ReasonLabel : null;
    }

    /// <summary>One group of the queue: its rows' page and how many there are in all.</summary>
    public sealed record Group(string Key, string Title, bool Overdue, Paged<Row> Rows);

    /// <summary>
    /// The items a role's groups are drawn from (one role's pending applications, or the researcher's projects): one
    /// query, or parts that never overlap, each in a shape the database reads simply (<see cref="GroupPaging.ToPageAsync{T}"/>).
    /// </summary>
    private sealed class Family(SortMap<Item> order, params IQueryable<Item>[] parts)
    {
        public IReadOnlyList<IQueryable<Item>> Parts { get; } = parts;

        /// <summary>How its groups' rows are ordered: as the index its items are read along.</summary>
        public SortMap<Item> Order { get; } = order;
    }

    /// <summary>
    /// A group before it is read: the items of its family that match <see cref="InGroup"/>, how each reads, and whether
    /// they are the overdue ones. A family's groups do not overlap, so one grouped count (per part) answers how many each holds.
    /// </summary>
    private sealed record Definition(string Key, string Title, bool Overdue, Family Family, Expression<Func<Item, bool>> InGroup,
        Func<Item, Row> ToRow)
    {
        public SortMap<Item> Order => Family.Order;

        public IReadOnlyList<IQueryable<Item>> Parts => Family.Parts.Select(part => part.Where(InGroup)).ToList();
    }

    public sealed partial class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, StageDeadlines deadlines, ListCounts counts)
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
                : read.Count == 0 ? [] : [await read[0].Parts.ToPageAsync(totals[read[0].Key], request, read[0].Order, cancellationToken)];
            return read.Select((definition, g) => new Group(definition.Key, definition.Title, definition.Overdue,
                new Paged<Row>(pages[g].Rows.Select(definition.ToRow).ToList(), pages[g].Page, pages[g].PageSize, pages[g].Total))).ToList();
        }

        /// <summary>How many items each group holds in each part of its family, by group key: one grouped count per part.</summary>
        private static async Task<Dictionary<string, int[]>> CountAllAsync(IReadOnlyList<Definition> shown, CancellationToken cancellationToken)
        {
            var totals = shown.ToDictionary(d => d.Key, d => new int[d.Family.Parts.Count]);
            foreach (var family in shown.GroupBy(d => d.Family))
            {
                var members = family.ToList();
                for (var p = 0; p < family.Key.Parts.Count; p++)
                {
                    var each = await family.Key.Parts[p].CountEachAsync(members.Select(m => m.InGroup).ToList(), cancellationToken);
                    for (var g = 0; g < members.Count; g++)
                        totals[members[g].Key][p] = each[g];
                }
            }
            return totals;
        }

        /// <summary>
        /// Every group's first page, in the order given. The groups of a one-part family (a reviewing role's stages) are
        /// read in one statement: the federation's three groups cost one round trip and one pass through EF's query
        /// pipeline instead of three, which was most of what its home page costs at 20,000 records.
        /// </summary>
        private static async Task<List<Paged<Item>>> FirstPagesAsync(IReadOnlyList<Definition> read, ListRequest request,
            Dictionary<string, int[]> totals, CancellationToken cancellationToken)
        {
            var pages = new Paged<Item>?[read.Count];
            foreach (var family in read.Select((definition, g) => (definition, g)).GroupBy(x => x.definition.Family))
            {
                var members = family.ToList();
                var order = members[0].definition.Order;
                if (family.Key.Parts.Count > 1 || members.Count == 1 || members.Any(x => x.definition.Order != order))
                {
                    foreach (var (definition, g) in members)
                        pages[g] = await definition.Parts.ToPageAsync(totals[definition.Key], request, definition.Order, cancellationToken);
                    continue;
                }
                var firstPages = await family.Key.Parts[0].FirstPagesAsync(members.Select(x => x.definition.InGroup).ToList(),
                    members.Select(x => totals[x.definition.Key].Sum()).ToList(), request, order, Tagged, i => i.Tag, cancellationToken);
                for (var m = 0; m < members.Count; m++)
                    pages[members[m].g] = firstPages[m];
            }
            return pages.Select(p => p!).ToList();
        }

        /// <summary>The user's groups in the order shown: overdue first, then the groups in the order the roles meet an
        /// application, each role's split as its stages declare (<see cref="WorkflowStage.Groups"/>).</summary>
        private IEnumerable<Definition> Definitions(string userId)
        {
            var cutoffs = deadlines.OverdueCutoffs(clock.GetUtcNow());
            var reviewerRoles = ReviewQueues.ReviewerRoles.Where(currentUser.IsInRole).ToList();
            var normal = new List<Definition>();
            var overdue = new List<Definition>();
            if (currentUser.IsInRole(Roles.Researcher))
            {
                var mine = WorkflowStages.GroupOf(Roles.Researcher);
                normal.Add(new Definition(mine.Key, mine.Title, false, new Family(ResearcherOrder, ResearcherItems()), _ => true, ResearcherRow));
            }

            foreach (var role in reviewerRoles)
            {
                var items = ReviewerItems(role, userId);
                var stages = ReviewQueues.StagesOf(role);
                var roleGroup = WorkflowStages.GroupOf(role);
                var overdueTitle = reviewerRoles.Count == 1 ? OverdueGroup : $"{OverdueGroup}·{roleGroup.Title}";
                overdue.Add(new Definition($"overdue-{roleGroup.Key}", overdueTitle, true, items, Overdue(cutoffs, stages),
                    i => ReviewerRow(role, i, overdueTitle, true)));
                var groups = stages.SelectMany(stage => WorkflowStages.Of(stage).Groups
                    .Select(group => (group, InGroup: WaitingInGroup(stage, group, cutoffs)))).ToList();
                if (groups.Count == 0)
                    groups.Add((roleGroup, stages.Select(stage => StageWaiting(stage, cutoffs)).Aggregate(ParameterSwap.Or)));
                foreach (var (group, inGroup) in groups)
                    normal.Add(new Definition(group.Key, group.Title, false, items, inGroup, i => ReviewerRow(role, i, group.Title, false)));
            }
            return overdue.Concat(normal);
        }

        /// <summary>The items of one stage's group within the stage's limit: with or without an exemption to decide where the group says.</summary>
        private static Expression<Func<Item, bool>> WaitingInGroup(ApplicationStatus stage, QueueGroup group,
            IReadOnlyDictionary<ApplicationStatus, DateTimeOffset> cutoffs) => group.ExemptionPending is { } exemption
            ? ParameterSwap.And(StageWaiting(stage, cutoffs), i => i.ExemptionPending == exemption)
            : StageWaiting(stage, cutoffs);
    }

    /// <summary>
    /// The overdue rule (<see cref="StageDeadlines"/>: each stage's working days) as a filter the database runs: an item
    /// is overdue when it entered its stage before that stage's cutoff for today. Only the role's own stages are
    /// written out. Every item a reviewer holds has a time (the workflow sets it with each step; an open assignment's
    /// cannot be missing, a check constraint says so), and the time is compared plainly: the database reads a group
    /// of a stage as a range of the index that carries it — an expert's page of appraisals still in time starts at the
    /// cutoff instead of passing every older one (a coalesced or negated comparison allows no range).
    /// </summary>
    private static Expression<Func<Item, bool>> Overdue(IReadOnlyDictionary<ApplicationStatus, DateTimeOffset> cutoffs,
        IEnumerable<ApplicationStatus> stages) =>
        // A stage without a limit is never overdue.
        stages.Where(cutoffs.ContainsKey)
            .Select(stage => StageOverdue(stage, cutoffs[stage]))
            .Aggregate((Expression<Func<Item, bool>>?)null, (either, next) => either is null ? next : ParameterSwap.Or(either, next))
            ?? (_ => false);

    /// <summary>One stage's part of the rule; the status and cutoff are captured, so EF sends them as parameters.</summary>
    private static Expression<Func<Item, bool>> StageOverdue(ApplicationStatus stage, DateTimeOffset cutoff) =>
        i => i.Status == stage && i.Since < cutoff;

    /// <summary>The items of a stage still within its limit (every one, for a stage without a limit).</summary>
    private static Expression<Func<Item, bool>> StageWaiting(ApplicationStatus stage, IReadOnlyDictionary<ApplicationStatus, DateTimeOffset> cutoffs)
    {
        if (!cutoffs.TryGetValue(stage, out var cutoff))
            return i => i.Status == stage;
        return i => i.Status == stage && i.Since >= cutoff;
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
