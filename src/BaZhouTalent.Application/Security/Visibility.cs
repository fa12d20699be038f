using System.Linq.Expressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Security;

/// <summary>
/// What each actor may see, as query filters: the list-side twin of <see cref="ApplicationAuthorizationHandler"/>'s
/// View rule, so that a list never offers a row whose page would answer 404 (a test holds the two together).
/// </summary>
public static class Visibility
{
    private static readonly ApplicationStatus[] SeenByCounty =
    [
        ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake, ApplicationStatus.ExpertReview,
        ApplicationStatus.FederationReview, ApplicationStatus.Concluded, ApplicationStatus.Rejected,
    ];

    private static readonly ApplicationStatus[] SeenByExperts =
        [ApplicationStatus.ExpertReview, ApplicationStatus.FederationReview, ApplicationStatus.Concluded, ApplicationStatus.Rejected];

    /// <summary>The applications <paramref name="user"/> may open.</summary>
    public static Expression<Func<ClosureApplication, bool>> Applications(ICurrentUser user)
    {
        var userId = user.UserId ?? "";
        var unitId = user.UnitId;
        var regionId = user.RegionId;
        var researcher = user.IsInRole(Roles.Researcher);
        var unitReviewer = user.IsInRole(Roles.UnitReviewer) && unitId != null;
        var county = user.IsInRole(Roles.CountyFederation) && regionId != null;
        var expert = user.IsInRole(Roles.Expert);
        var federation = user.IsInRole(Roles.MunicipalFederation);
        return a =>
            (researcher && a.Project.LeaderUserId == userId)
            || (unitReviewer && a.Project.UnitId == unitId
                && (a.SubmittedAt != null || (a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Returned)))
            || (county && a.Project.Unit.RegionId == regionId && SeenByCounty.Contains(a.Status))
            || (expert && SeenByExperts.Contains(a.Status) && a.ExpertAssignments.Any(e => e.ExpertUserId == userId))
            || (federation && (a.SubmittedAt != null || (a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Returned)));
    }

    /// <summary>
    /// The funded projects listed to <paramref name="user"/> in 结项管理: every one for the city federation, the unit's
    /// for its reviewers, the county's for its federation, their own for researchers; none for experts (blind review).
    /// </summary>
    public static Expression<Func<FundedProject, bool>> Projects(ICurrentUser user)
    {
        var userId = user.UserId ?? "";
        var unitId = user.UnitId;
        var regionId = user.RegionId;
        var researcher = user.IsInRole(Roles.Researcher);
        var unitReviewer = user.IsInRole(Roles.UnitReviewer) && unitId != null;
        var county = user.IsInRole(Roles.CountyFederation) && regionId != null;
        var federation = user.IsInRole(Roles.MunicipalFederation);
        return p =>
            federation
            || (researcher && p.LeaderUserId == userId)
            || (unitReviewer && p.UnitId == unitId)
            || (county && p.Unit.RegionId == regionId);
    }
}
