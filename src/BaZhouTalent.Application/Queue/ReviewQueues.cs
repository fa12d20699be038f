using System.Linq.Expressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The applications waiting for each reviewing role. One definition (<see cref="Visibility.Pending"/>) serves both the
/// role's own list page and the home page queue, so the two can never disagree about who sees what.
/// </summary>
public static class ReviewQueues
{
    /// <summary>The reviewing roles in the order an application meets them (<see cref="WorkflowStages.Roles"/>).</summary>
    public static readonly IReadOnlyList<string> ReviewerRoles =
        WorkflowStages.Roles.Select(r => r.Role).Where(r => r != Roles.Researcher).ToList();

    /// <summary>The statuses in which an application waits for <paramref name="role"/> (the stages it holds).</summary>
    public static IReadOnlyList<ApplicationStatus> StagesOf(string role) => WorkflowStages.HeldBy(role);

    /// <summary>
    /// The applications waiting for <paramref name="user"/> as <paramref name="role"/>, untracked. An expert's start
    /// from their own open assignments (the (ExpertUserId, ClosedAt) index, joined to the application by key), so
    /// their 待办 and list read what is theirs, not every application in 专家鉴定中; that join is their relation to the
    /// application, and <see cref="Visibility.PendingForOwnAssignment"/> decides which of those wait.
    /// </summary>
    public static IQueryable<ClosureApplication> Pending(IAppDbContext db, string role, ICurrentUser user)
    {
        if (role == Roles.Expert && user.UserId is { } expertId)
            return OnOpenAssignments(db, expertId, ExpertWaiting(db, user), (e, a) => a);
        return db.ClosureApplications.AsNoTracking()
            .Where(Visibility.Pending(user, role))
            .Where(NotTerminated(db));
    }

    /// <summary>The applications that wait for the expert among those joined to their own open assignments (the join is
    /// the relation: <see cref="Visibility.PendingForOwnAssignment"/>), untracked.</summary>
    public static IQueryable<ClosureApplication> ExpertWaiting(IAppDbContext db, ICurrentUser user) =>
        db.ClosureApplications.AsNoTracking()
            .Where(Visibility.PendingForOwnAssignment(user))
            .Where(NotTerminated(db));

    /// <summary>
    /// The expert's open assignments joined, by application and round, to those of <paramref name="applications"/> they
    /// lead to, each pair as <paramref name="select"/> makes it: where every expert's queue and list starts (the join is
    /// the expert's relation to the application).
    /// </summary>
    public static IQueryable<T> OnOpenAssignments<T>(IAppDbContext db, string expertId, IQueryable<ClosureApplication> applications,
        Expression<Func<ExpertAssignment, ClosureApplication, T>> select) =>
        OpenAssignments(db, expertId).Join(applications, e => new { Id = e.ApplicationId, e.Round }, a => new { a.Id, a.Round }, select);

    /// <summary>The expert's assignments whose application is still with the experts.</summary>
    public static IQueryable<ExpertAssignment> OpenAssignments(IAppDbContext db, string expertId) =>
        db.ExpertAssignments.AsNoTracking().Where(e => e.ExpertUserId == expertId && e.ClosedAt == null);

    /// <summary>
    /// A terminated project's application waits for nobody (it stays, read-only, as it was signed). Written as
    /// “not among the (few) terminated projects” rather than a join on the project, so a stage's count reads only the
    /// status index (which carries the project id) instead of one project row per application.
    /// </summary>
    public static Expression<Func<ClosureApplication, bool>> NotTerminated(IAppDbContext db)
    {
        var terminated = db.FundedProjects.Where(p => p.Lifecycle == ProjectLifecycleStatus.Terminated).Select(p => p.Id);
        return a => !terminated.Contains(a.ProjectId);
    }

    /// <summary>The work done in the review stage <paramref name="status"/> (the dashboard's “longest waits”, the review
    /// lists' tabs); a queue row's action text is the action table's (<see cref="WorkflowActions.QueueTextFor"/>).</summary>
    public static string ActionFor(ApplicationStatus status) => WorkflowStages.Of(status).Work;
}
