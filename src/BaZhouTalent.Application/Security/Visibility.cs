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
        var actor = Actor.Of(user);
        return a =>
            (actor.Researcher && a.Project.LeaderUserId == actor.UserId)
            || (actor.UnitReviewer && a.Project.UnitId == actor.UnitId
                && (a.SubmittedAt != null || (a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Returned)))
            || (actor.County && a.Project.Unit.RegionId == actor.RegionId && SeenByCounty.Contains(a.Status))
            || (actor.Expert && SeenByExperts.Contains(a.Status) && a.ExpertAssignments.Any(e => e.ExpertUserId == actor.UserId))
            || (actor.Federation && (a.SubmittedAt != null || (a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Returned)));
    }

    /// <summary>
    /// The funded projects listed to <paramref name="user"/> in 结项管理: every one for the city federation, the unit's
    /// for its reviewers, the county's for its federation, their own for researchers; none for experts (blind review).
    /// </summary>
    public static Expression<Func<FundedProject, bool>> Projects(ICurrentUser user)
    {
        var actor = Actor.Of(user);
        return p =>
            actor.Federation
            || (actor.Researcher && p.LeaderUserId == actor.UserId)
            || (actor.UnitReviewer && p.UnitId == actor.UnitId)
            || (actor.County && p.Unit.RegionId == actor.RegionId);
    }

    /// <summary>
    /// The applications waiting for <paramref name="user"/> acting as <paramref name="role"/>: that role's stage of the
    /// chain within the role's scope (a subset of <see cref="Applications"/>). A reviewer without a unit or region, or
    /// without the role, sees nothing rather than everything. Only the current round's assignment makes an expert's
    /// item: an expert of an earlier round is done.
    /// </summary>
    public static Expression<Func<ClosureApplication, bool>> Pending(ICurrentUser user, string role)
    {
        var actor = Actor.Of(user);
        return role switch
        {
            Roles.UnitReviewer when actor.UnitReviewer => a =>
                a.Status == ApplicationStatus.UnitReview && a.Project.UnitId == actor.UnitId,
            Roles.CountyFederation when actor.County => a =>
                a.Status == ApplicationStatus.CountyReview && a.Project.Unit.RegionId == actor.RegionId,
            Roles.Expert when actor.Expert => a =>
                a.Status == ApplicationStatus.ExpertReview
                && a.ExpertAssignments.Any(e => e.ExpertUserId == actor.UserId && e.Round == a.Round),
            Roles.MunicipalFederation when actor.Federation => a =>
                a.Status == ApplicationStatus.FederationIntake || a.Status == ApplicationStatus.FederationReview,
            _ => a => false,
        };
    }

    /// <summary>
    /// What decides the user's view in these filters (their id, roles, unit and region), as a value: part of the key
    /// of anything kept per view (<see cref="Common.ListCounts"/>).
    /// </summary>
    public static object ScopeOf(ICurrentUser user) => Actor.Of(user);

    /// <summary>The user's roles and scope, read once; the filters capture it and EF passes its values as parameters.</summary>
    private sealed record Actor(string UserId, int? UnitId, int? RegionId, bool Researcher, bool UnitReviewer, bool County, bool Expert, bool Federation)
    {
        public static Actor Of(ICurrentUser user) => new(
            user.UserId ?? "",
            user.UnitId,
            user.RegionId,
            user.IsInRole(Roles.Researcher),
            user.IsInRole(Roles.UnitReviewer) && user.UnitId != null,
            user.IsInRole(Roles.CountyFederation) && user.RegionId != null,
            user.IsInRole(Roles.Expert),
            user.IsInRole(Roles.MunicipalFederation));
    }
}
