using System.Linq.Expressions;
using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Security;

/// <summary>
/// Who may see what — the one definition. Each role relates a viewer to a project (leads it, its unit, its county,
/// the federation) and, for an application, to the stages the stage table lets that role open
/// (<see cref="WorkflowStage.SeenBy"/>). Lists filter with these expressions in the database; the authorization
/// handler runs the same expression, compiled, on the loaded application (<see cref="CanView"/>), so a list never
/// offers a row whose page would answer 404. Tests compare the two over every status × role × relation.
/// </summary>
public static class Visibility
{
    /// <summary>The user's roles and scope, read once; the filters capture it (see <see cref="Bind{T}"/> for how EF sends it).</summary>
    public sealed record Viewer(string UserId, int? UnitId, int? RegionId, bool Researcher, bool UnitReviewer, bool County, bool Expert, bool Federation)
    {
        public static Viewer Of(ICurrentUser user) => Of(user.UserId, user.UnitId, user.RegionId, user.IsInRole);

        public static Viewer Of(ClaimsPrincipal user) => Of(user.FindFirstValue(ClaimTypes.NameIdentifier),
            ParseInt(user.FindFirstValue(AppClaimTypes.UnitId)), ParseInt(user.FindFirstValue(AppClaimTypes.RegionId)), user.IsInRole);

        private static Viewer Of(string? userId, int? unitId, int? regionId, Func<string, bool> isInRole) => new(
            userId ?? "",
            unitId,
            regionId,
            isInRole(Roles.Researcher) && userId != null,
            isInRole(Roles.UnitReviewer) && unitId != null,
            isInRole(Roles.CountyFederation) && regionId != null,
            isInRole(Roles.Expert) && userId != null,
            isInRole(Roles.MunicipalFederation));

        private static int? ParseInt(string? value) => int.TryParse(value, out var n) ? n : null;
    }

    /// <summary>How a viewer in each role is related to a project: leads it, reviews for its unit or its county, or is
    /// the federation. Experts have no project (blind review: requests and 项目情况 name the leader).</summary>
    private static readonly (string Role, Expression<Func<Viewer, FundedProject, bool>> Related)[] ProjectRelations =
    [
        (Roles.Researcher, (v, p) => v.Researcher && p.LeaderUserId == v.UserId),
        (Roles.UnitReviewer, (v, p) => v.UnitReviewer && p.UnitId == v.UnitId),
        (Roles.CountyFederation, (v, p) => v.County && p.Unit.RegionId == v.RegionId),
        (Roles.MunicipalFederation, (v, p) => v.Federation),
    ];

    private static readonly ApplicationStatus[] SeenByUnit = WorkflowStages.SeenBy(StageViewers.Unit);
    private static readonly ApplicationStatus[] SeenByCounty = WorkflowStages.SeenBy(StageViewers.County);
    private static readonly ApplicationStatus[] SeenByExperts = WorkflowStages.SeenBy(StageViewers.Experts);
    private static readonly ApplicationStatus[] SeenByFederation = WorkflowStages.SeenBy(StageViewers.Federation);

    /// <summary>
    /// Which applications each role sees: related to its project (or, for an expert, assigned in any round) and in a
    /// stage the role may open; the unit and the federation also keep seeing anything once submitted (a returned one).
    /// </summary>
    private static readonly (string Role, Expression<Func<Viewer, ClosureApplication, bool>> Sees)[] ApplicationRules =
    [
        (Roles.Researcher, OnProject(Roles.Researcher)),
        (Roles.UnitReviewer, And(OnProject(Roles.UnitReviewer), (v, a) => a.SubmittedAt != null || SeenByUnit.Contains(a.Status))),
        (Roles.CountyFederation, And(OnProject(Roles.CountyFederation), (v, a) => SeenByCounty.Contains(a.Status))),
        (Roles.Expert, (v, a) => v.Expert && SeenByExperts.Contains(a.Status) && a.ExpertAssignments.Any(e => e.ExpertUserId == v.UserId)),
        (Roles.MunicipalFederation, And(OnProject(Roles.MunicipalFederation), (v, a) => a.SubmittedAt != null || SeenByFederation.Contains(a.Status))),
    ];

    private static readonly Expression<Func<Viewer, ClosureApplication, bool>> ApplicationRule =
        ApplicationRules.Select(r => r.Sees).Aggregate(Or);

    private static readonly Func<Viewer, ClosureApplication, bool> CompiledApplicationRule = ApplicationRule.Compile();

    /// <summary>The applications <paramref name="user"/> may open.</summary>
    public static Expression<Func<ClosureApplication, bool>> Applications(ICurrentUser user) => Bind(ApplicationRule, Viewer.Of(user));

    /// <summary>
    /// May <paramref name="user"/> open <paramref name="application"/>? The same rule as <see cref="Applications"/>, run on
    /// the loaded entity (Project with its Unit, and ExpertAssignments, loaded).
    /// </summary>
    public static bool CanView(ClaimsPrincipal user, ClosureApplication application) =>
        CompiledApplicationRule(Viewer.Of(user), application);

    /// <summary>
    /// The funded projects listed to <paramref name="user"/> (结项管理, 项目情况 and its requests): every one for the city
    /// federation, the unit's for its reviewers, the county's for its federation, their own for researchers; none for
    /// experts (blind review).
    /// </summary>
    public static Expression<Func<FundedProject, bool>> Projects(ICurrentUser user) =>
        Bind(ProjectRelations.Select(r => r.Related).Aggregate(Or), Viewer.Of(user));

    /// <summary>The projects <paramref name="user"/> is related to as <paramref name="role"/> (a part of <see cref="Projects"/>):
    /// 我的项目 is the researcher's, a unit's requests its reviewer's. None for a role without projects or not held — as a
    /// constant, so the database is not asked to test a false parameter against every row.</summary>
    public static Expression<Func<FundedProject, bool>> ProjectsAs(ICurrentUser user, string role)
    {
        var viewer = Viewer.Of(user);
        return viewer.Holds(role) && ProjectRelations.FirstOrDefault(r => r.Role == role).Related is { } related ? Bind(related, viewer) : _ => false;
    }

    /// <summary>Whether <paramref name="user"/> holds <paramref name="role"/> with the scope it needs (a unit, a region).</summary>
    public static bool Holds(ICurrentUser user, string role) => Viewer.Of(user).Holds(role);

    /// <summary>
    /// The applications waiting for <paramref name="user"/> acting as <paramref name="role"/>: in a stage the role holds
    /// (<see cref="WorkflowStages"/>) and related to the user as that role (a subset of <see cref="Applications"/>). A
    /// reviewer without a unit or region, or without the role, sees nothing rather than everything. Only the current
    /// round's assignment makes an expert's item: an expert of an earlier round is done.
    /// </summary>
    public static Expression<Func<ClosureApplication, bool>> Pending(ICurrentUser user, string role)
    {
        var viewer = Viewer.Of(user);
        var held = WorkflowStages.HeldBy(role);
        if (held.Count == 0 || !viewer.Holds(role))
            return _ => false;
        var related = role == Roles.Expert
            ? (v, a) => a.ExpertAssignments.Any(e => e.ExpertUserId == v.UserId && e.Round == a.Round)
            : OnProject(role);
        return Bind(And(StatusIn(held), related), viewer);
    }

    /// <summary>
    /// <see cref="Pending"/> for the expert, over applications already joined to the expert's own assignments of their
    /// current round (<c>ReviewQueues.OpenAssignments</c>): that join is the expert's relation, so only the role and the
    /// stage are tested here. Apart because PostgreSQL planned the repeated "assigned to me" test as a pass over every
    /// assignment the expert ever had (docs/benchmarks.md).
    /// </summary>
    public static Expression<Func<ClosureApplication, bool>> PendingForOwnAssignment(ICurrentUser user)
    {
        var viewer = Viewer.Of(user);
        return viewer.Holds(Roles.Expert) ? Bind(StatusIn(WorkflowStages.HeldBy(Roles.Expert)), viewer) : _ => false;
    }

    /// <summary>
    /// What decides the user's view in these filters (their id, roles, unit and region), as a value: part of the key
    /// of anything kept per view (<see cref="Common.ListCounts"/>).
    /// </summary>
    public static object ScopeOf(ICurrentUser user) => Viewer.Of(user);

    private static bool Holds(this Viewer v, string role) => role switch
    {
        Roles.Researcher => v.Researcher,
        Roles.UnitReviewer => v.UnitReviewer,
        Roles.CountyFederation => v.County,
        Roles.Expert => v.Expert,
        Roles.MunicipalFederation => v.Federation,
        _ => false,
    };

    /// <summary>The role's relation to the application's project.</summary>
    private static Expression<Func<Viewer, ClosureApplication, bool>> OnProject(string role)
    {
        var related = ProjectRelations.Single(r => r.Role == role).Related;
        var (v, a) = (Expression.Parameter(typeof(Viewer), "v"), Expression.Parameter(typeof(ClosureApplication), "a"));
        var body = new Swap(new() { [related.Parameters[0]] = v, [related.Parameters[1]] = Expression.Property(a, nameof(ClosureApplication.Project)) })
            .Visit(related.Body);
        return Expression.Lambda<Func<Viewer, ClosureApplication, bool>>(body, v, a);
    }

    /// <summary><c>a.Status == s1 || a.Status == s2 …</c> with the statuses as constants, as the status index expects.</summary>
    private static Expression<Func<Viewer, ClosureApplication, bool>> StatusIn(IReadOnlyList<ApplicationStatus> statuses)
    {
        var (v, a) = (Expression.Parameter(typeof(Viewer), "v"), Expression.Parameter(typeof(ClosureApplication), "a"));
        var status = Expression.Property(a, nameof(ClosureApplication.Status));
        var body = statuses.Select(s => (Expression)Expression.Equal(status, Expression.Constant(s))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Viewer, ClosureApplication, bool>>(body, v, a);
    }

    private static Expression<Func<Viewer, T, bool>> And<T>(Expression<Func<Viewer, T, bool>> first, Expression<Func<Viewer, T, bool>> second) =>
        Combine(first, second, Expression.AndAlso);

    private static Expression<Func<Viewer, T, bool>> Or<T>(Expression<Func<Viewer, T, bool>> first, Expression<Func<Viewer, T, bool>> second) =>
        Combine(first, second, Expression.OrElse);

    private static Expression<Func<Viewer, T, bool>> Combine<T>(Expression<Func<Viewer, T, bool>> first, Expression<Func<Viewer, T, bool>> second,
        Func<Expression, Expression, BinaryExpression> join)
    {
        var swap = new Swap(new() { [second.Parameters[0]] = first.Parameters[0], [second.Parameters[1]] = first.Parameters[1] });
        return Expression.Lambda<Func<Viewer, T, bool>>(join(first.Body, swap.Visit(second.Body)), first.Parameters);
    }

    /// <summary>
    /// The rule for one viewer: the viewer becomes a captured value, which EF sends as parameters — except the unit and
    /// the county, written into the statement as constants. Units differ a hundredfold in size (one holds 4,001 of 20,000
    /// projects), and PostgreSQL's generic plan of a prepared statement, made for an average unit, read all of a large
    /// unit's projects to find a page of its queue (2.2 ms against 0.4, docs/benchmarks.md). With the unit in the text each
    /// unit's statement has a plan of its own; there are a few hundred units and counties, so the statements stay few.
    /// </summary>
    private static Expression<Func<T, bool>> Bind<T>(Expression<Func<Viewer, T, bool>> rule, Viewer viewer)
    {
        var scoped = new InlineScope(rule.Parameters[0], viewer).Visit(rule.Body);
        var captured = Expression.Property(Expression.Constant(new Captured(viewer)), nameof(Captured.Value));
        return Expression.Lambda<Func<T, bool>>(new Swap(new() { [rule.Parameters[0]] = captured }).Visit(scoped), rule.Parameters[1]);
    }

    private sealed record Captured(Viewer Value);

    /// <summary>Replaces the viewer's unit and county with their values (see <see cref="Bind{T}"/>).</summary>
    private sealed class InlineScope(ParameterExpression viewerParameter, Viewer viewer) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) => node.Member.Name switch
        {
            nameof(Viewer.UnitId) when node.Expression == viewerParameter => Expression.Constant(viewer.UnitId, typeof(int?)),
            nameof(Viewer.RegionId) when node.Expression == viewerParameter => Expression.Constant(viewer.RegionId, typeof(int?)),
            _ => base.VisitMember(node),
        };
    }

    private sealed class Swap(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
    }
}
