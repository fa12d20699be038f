using System.Linq.Expressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The applications waiting for each reviewing role. One definition (<see cref="Visibility.Pending"/>) serves both the
/// role's own list page and the home page queue, so the two can never disagree about who sees what.
/// </summary>
public static class ReviewQueues
{
    /// <summary>The reviewing roles in the order an application meets them.</summary>
    public static readonly IReadOnlyList<string> ReviewerRoles =
        [Roles.UnitReviewer, Roles.CountyFederation, Roles.Expert, Roles.MunicipalFederation];

    /// <summary>The statuses in which an application waits for <paramref name="role"/> (<see cref="Visibility.Pending"/>'s stages).</summary>
    public static IReadOnlyList<ApplicationStatus> StagesOf(string role) => role switch
    {
        Roles.UnitReviewer => [ApplicationStatus.UnitReview],
        Roles.CountyFederation => [ApplicationStatus.CountyReview],
        Roles.Expert => [ApplicationStatus.ExpertReview],
        Roles.MunicipalFederation => [ApplicationStatus.FederationIntake, ApplicationStatus.FederationReview],
        _ => [],
    };

    /// <summary>The applications waiting for <paramref name="user"/> as <paramref name="role"/>, untracked.</summary>
    public static IQueryable<ClosureApplication> Pending(IAppDbContext db, string role, ICurrentUser user) =>
        db.ClosureApplications.AsNoTracking()
            .Where(Visibility.Pending(user, role))
            .Where(NotTerminated(db));

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

    /// <summary>The Chinese name of the review stage <paramref name="status"/> is (the dashboard's “longest waits”);
    /// a queue row's action text is the action table's (<see cref="Workflow.WorkflowActions.QueueTextFor"/>).</summary>
    public static string ActionFor(ApplicationStatus status) => status switch
    {
        ApplicationStatus.UnitReview => "单位审核",
        ApplicationStatus.CountyReview => "县区社科联审核",
        ApplicationStatus.FederationIntake => "受理并分配鉴定专家",
        ApplicationStatus.ExpertReview => "专家鉴定",
        ApplicationStatus.FederationReview => "市社科联审核",
        _ => status.ToChinese(),
    };
}
