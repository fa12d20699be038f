using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace BaZhouTalent.Application.Security;

/// <summary>
/// The one place that decides who may do what with an application. The application must be loaded with
/// its Project (and the project's Unit) and its ExpertAssignments, and for the expert operations its
/// Opinions. Pages answer 404 when View fails, so a record that is not yours does not even hint that it
/// exists. What a viewer may see of it is decided by Disclosure.DisclosurePolicy. For workflow triggers this reads
/// who may fire them, and from which states, from <see cref="WorkflowActions"/>; the machine (<see cref="ReviewWorkflow"/>)
/// adds the guards, and the commit path requires both.
/// </summary>
public sealed class ApplicationAuthorizationHandler
    : AuthorizationHandler<OperationAuthorizationRequirement, ClosureApplication>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ClosureApplication application)
    {
        if (IsAllowed(new Actor(context.User), requirement.Name, application))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    /// <summary>The same decision without the authorization service, for tests and synchronous checks.</summary>
    public static bool IsAllowed(ClaimsPrincipal user, OperationAuthorizationRequirement operation, ClosureApplication application) =>
        IsAllowed(new Actor(user), operation.Name, application);

    internal static bool IsAllowed(Actor actor, string operation, ClosureApplication application)
    {
        // A workflow trigger: who may fire it, and from which states, is its row in the action table.
        if (WorkflowActions.Named(operation) is { } action)
            return action.Allows(actor, application);

        var status = application.Status;
        return operation switch
        {
            nameof(ApplicationOperations.View) => CanView(actor, application),
            // The researcher edits wherever they may submit, never once the project is terminated (closed everywhere).
            nameof(ApplicationOperations.Edit) => WorkflowActions.Of(ReviewTrigger.Submit).Allows(actor, application)
                && Projects.ProjectLifecycle.RefusalFor(application.Project) is null,
            // Experts appraise independently: only the chief, once every opinion is in, reads the others'.
            nameof(ApplicationOperations.SeeExpertAppraisals) => CanView(actor, application)
                && (actor.Is(Roles.MunicipalFederation)
                    || (actor.AssignmentInCurrentRound(application)?.IsChief == true
                        && (status != ApplicationStatus.ExpertReview || ReviewWorkflow.AllExpertsAppraised(application)))),
            nameof(ApplicationOperations.DownloadCertificate) => status == ApplicationStatus.Concluded && application.CertificateNumber is not null
                && (actor.Is(Roles.MunicipalFederation) || actor.IsLeaderOf(application) || actor.IsUnitReviewerOf(application)),
            _ => false,
        };
    }

    /// <summary>The one visibility rule (<see cref="Visibility"/>), the lists' filters compiled.</summary>
    private static bool CanView(Actor actor, ClosureApplication application) => Visibility.CanView(actor.Principal, application);

    /// <summary>The signed-in user as the rules need them: id, roles, unit and region.</summary>
    public sealed class Actor(ClaimsPrincipal user)
    {
        public ClaimsPrincipal Principal => user;

        public string? UserId { get; } = user.FindFirstValue(ClaimTypes.NameIdentifier);
        private readonly int? unitId = ParseInt(user.FindFirstValue(AppClaimTypes.UnitId));
        private readonly int? regionId = ParseInt(user.FindFirstValue(AppClaimTypes.RegionId));

        public bool Is(string role) => user.IsInRole(role);

        public bool IsLeaderOf(ClosureApplication a) =>
            Is(Roles.Researcher) && UserId is not null && a.Project.LeaderUserId == UserId;

        public bool IsUnitReviewerOf(ClosureApplication a) =>
            Is(Roles.UnitReviewer) && unitId is not null && a.Project.UnitId == unitId;

        public bool IsCountyReviewerOf(ClosureApplication a) =>
            Is(Roles.CountyFederation) && regionId is not null && a.Project.Unit.RegionId == regionId;

        public ExpertAssignment? AssignmentInCurrentRound(ClosureApplication a) => !Is(Roles.Expert) ? null
            : a.ExpertAssignments.FirstOrDefault(e => e.ExpertUserId == UserId && e.Round == a.Round);

        public bool HasAppraised(ClosureApplication a) => a.Opinions.Any(o =>
            o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == UserId);

        private static int? ParseInt(string? value) => int.TryParse(value, out var n) ? n : null;
    }
}
