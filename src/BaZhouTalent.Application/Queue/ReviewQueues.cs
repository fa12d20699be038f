using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// The applications waiting for each reviewing role. One definition serves both the role's own list
/// page and the home page queue, so the two can never disagree about who sees what.
/// </summary>
public static class ReviewQueues
{
    /// <summary>The reviewing roles in the order an application meets them.</summary>
    public static readonly IReadOnlyList<string> ReviewerRoles =
        [Roles.UnitReviewer, Roles.CountyFederation, Roles.Expert, Roles.MunicipalFederation];

    /// <summary>
    /// The applications waiting for <paramref name="role"/> within the reviewer's scope. A reviewer
    /// without a unit or region sees nothing rather than everything.
    /// </summary>
    public static IQueryable<ClosureApplication> Pending(IAppDbContext db, string role, ReviewerScope scope)
    {
        // A terminated project's application waits for nobody (it stays, read-only, as it was signed).
        var applications = db.ClosureApplications.Where(a => a.Project.Lifecycle != ProjectLifecycleStatus.Terminated);
        return role switch
        {
            Roles.UnitReviewer when scope.UnitId is { } unitId => applications.Where(a =>
                a.Status == ApplicationStatus.UnitReview && a.Project.UnitId == unitId),
            Roles.CountyFederation when scope.RegionId is { } regionId => applications.Where(a =>
                a.Status == ApplicationStatus.CountyReview && a.Project.Unit.RegionId == regionId),
            // Only the current round's assignment counts: an expert of an earlier round is done.
            Roles.Expert => applications.Where(a =>
                a.Status == ApplicationStatus.ExpertReview
                && a.ExpertAssignments.Any(e => e.ExpertUserId == scope.UserId && e.Round == a.Round)),
            Roles.MunicipalFederation => applications.Where(a =>
                a.Status == ApplicationStatus.FederationIntake || a.Status == ApplicationStatus.FederationReview),
            _ => applications.Where(_ => false),
        };
    }

    /// <summary>The Chinese to-do text for a reviewer facing an application in <paramref name="status"/>.</summary>
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
