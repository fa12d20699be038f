using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Stateless;
using Stateless.Graph;

namespace BaZhouTalent.Application.Projects;

public enum ProjectRequestTrigger { Withdraw, UnitAgree, UnitRefuse, Approve, Refuse }

/// <summary>Who may fire an action on a request: its requester, the project's unit, or the city federation.</summary>
public enum RequestParty { Requester, Unit, Federation }

/// <summary>
/// One action on a request, declared once: its trigger, Chinese name, the address segment of its page, the states it
/// fires from and the state it leads to, who may fire it, whether an opinion is required, and what the page says once done. The Stateless machine,
/// the rule of who may act (<see cref="ProjectRequestActions.MayFire"/>) and the decision page all read this table.
/// </summary>
public sealed record ProjectRequestAction(
    ProjectRequestTrigger Trigger,
    string Name,
    string Slug,
    IReadOnlyList<ProjectRequestStatus> From,
    ProjectRequestStatus To,
    RequestParty Party,
    bool OpinionRequired,
    string Done);

/// <summary>The signed-in user as the request rules see them.</summary>
public sealed record RequestActor(string UserId, string Name, int? UnitId, bool Researcher, bool UnitReviewer, bool Federation)
{
    public static RequestActor Of(Abstractions.ICurrentUser user) => new(
        user.UserId ?? "",
        user.DisplayName,
        user.UnitId,
        user.IsInRole(Roles.Researcher),
        user.IsInRole(Roles.UnitReviewer) && user.UnitId != null,
        user.IsInRole(Roles.MunicipalFederation));
}

public static class ProjectRequestActions
{
    public static readonly IReadOnlyList<ProjectRequestAction> All =
    [
        new(ProjectRequestTrigger.Withdraw, "撤回申请", "withdraw", [ProjectRequestStatus.Requested], ProjectRequestStatus.Withdrawn, RequestParty.Requester, false,
            "申请已撤回。"),
        new(ProjectRequestTrigger.UnitAgree, "单位同意", "unit-agree", [ProjectRequestStatus.Requested], ProjectRequestStatus.UnitAgreed, RequestParty.Unit, false,
            "已同意该申请，已报市社科联审批。"),
        new(ProjectRequestTrigger.UnitRefuse, "单位不同意", "unit-refuse", [ProjectRequestStatus.Requested], ProjectRequestStatus.Refused, RequestParty.Unit, true,
            "已签署不同意意见，该申请未获通过，申请人将收到通知。"),
        new(ProjectRequestTrigger.Approve, "批准", "approve", [ProjectRequestStatus.UnitAgreed], ProjectRequestStatus.Approved, RequestParty.Federation, false,
            "已批准该申请，申请人和所在单位将收到通知。"),
        new(ProjectRequestTrigger.Refuse, "不予批准", "refuse", [ProjectRequestStatus.UnitAgreed], ProjectRequestStatus.Refused, RequestParty.Federation, true,
            "已作出不予批准的决定，申请人和所在单位将收到通知。"),
    ];

    public static ProjectRequestAction Of(ProjectRequestTrigger trigger) => All.Single(a => a.Trigger == trigger);

    public static ProjectRequestAction? BySlug(string? slug) => All.FirstOrDefault(a => string.Equals(a.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="actor"/> is the party of <paramref name="action"/> for this request (not whether the state allows it).</summary>
    public static bool MayFire(ProjectRequestAction action, RequestActor actor, string requestedByUserId, int projectUnitId) => action.Party switch
    {
        RequestParty.Requester => actor.Researcher && actor.UserId.Length > 0 && actor.UserId == requestedByUserId,
        RequestParty.Unit => actor.UnitReviewer && actor.UnitId == projectUnitId,
        RequestParty.Federation => actor.Federation,
        _ => false,
    };

    /// <summary>The actions <paramref name="actor"/> may take on <paramref name="request"/> now (state and party).</summary>
    public static IReadOnlyList<ProjectRequestAction> Available(ProjectRequest request, RequestActor actor, int projectUnitId) =>
        All.Where(a => a.From.Contains(request.Status) && MayFire(a, actor, request.RequestedByUserId, projectUnitId)).ToList();
}

/// <summary>The request machine, <c>Requested → UnitAgreed → Approved | Refused</c> (<c>Withdrawn</c> before the unit
/// acts), generated from <see cref="ProjectRequestActions.All"/>.</summary>
public static class ProjectRequestWorkflow
{
    public static StateMachine<ProjectRequestStatus, ProjectRequestTrigger> For(ProjectRequest request)
    {
        var machine = new StateMachine<ProjectRequestStatus, ProjectRequestTrigger>(() => request.Status, request.MoveTo);
        Configure(machine);
        return machine;
    }

    public static bool CanFire(ProjectRequest request, ProjectRequestTrigger trigger) => For(request).CanFire(trigger);

    public static string ToMermaid()
    {
        var state = ProjectRequestStatus.Requested;
        var machine = new StateMachine<ProjectRequestStatus, ProjectRequestTrigger>(() => state, s => state = s);
        Configure(machine);
        return MermaidGraph.Format(machine.GetInfo()).ReplaceLineEndings("\n");
    }

    private static void Configure(StateMachine<ProjectRequestStatus, ProjectRequestTrigger> machine)
    {
        foreach (var action in ProjectRequestActions.All)
            foreach (var from in action.From)
                machine.Configure(from).Permit(action.Trigger, action.To);
    }
}
