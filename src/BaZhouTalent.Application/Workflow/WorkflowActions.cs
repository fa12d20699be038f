using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Application.Security;
using Actor = BaZhouTalent.Application.Security.ApplicationAuthorizationHandler.Actor;

namespace BaZhouTalent.Application.Workflow;

/// <summary>What can happen to a closure application; each has one intent method on <c>ClosureApplication</c>.</summary>
public enum ReviewTrigger
{
    /// <summary>提交: the researcher hands the draft or the returned application to the unit.</summary>
    Submit,
    /// <summary>撤回: the researcher takes it back before the unit acts.</summary>
    Withdraw,
    /// <summary>单位审核通过 (section 二).</summary>
    ApproveByUnit,
    /// <summary>县（区）社科联审核通过 (section 三).</summary>
    ApproveByCounty,
    /// <summary>市社科联受理: assign the experts and the chief expert.</summary>
    AssignExperts,
    /// <summary>同意免于鉴定: at intake the federation grants the researcher's request, sets the grade (or 免鉴) and skips the experts.</summary>
    GrantExemption,
    /// <summary>不同意免于鉴定: at intake the federation refuses the request with a reason; experts are assigned as usual.</summary>
    RefuseExemption,
    /// <summary>One expert's own appraisal; the application stays with the experts.</summary>
    Appraise,
    /// <summary>The chief expert's combined appraisal (section 四).</summary>
    CompleteAppraisal,
    /// <summary>同意结项 (section 五), issuing the certificate number.</summary>
    Conclude,
    /// <summary>不予结项 (section 五).</summary>
    Reject,
    /// <summary>退回修改 by whoever holds the application, with a reason.</summary>
    Return,
    /// <summary>暂缓结项 (section 五): the researcher revises within a period and resubmits into a new round.</summary>
    Defer,
    /// <summary>谢绝鉴定: an assigned expert who has not appraised declines (回避 or 无法按期); back to intake for a replacement.</summary>
    Decline,
}

public static class ReviewTriggerNames
{
    /// <summary>The action's Chinese name, as declared in <see cref="WorkflowActions"/>.</summary>
    public static string ToChinese(this ReviewTrigger trigger) => WorkflowActions.Of(trigger).Name;

    /// <summary>The Chinese name of an <c>AuditEntry.Action</c>; actions written by other features show as stored.</summary>
    public static string ActionToChinese(string action) =>
        Enum.TryParse<ReviewTrigger>(action, out var trigger) ? trigger.ToChinese() : action;
}

/// <summary>What the guards of the machine read, taken from an application or from a list's projection.</summary>
/// <param name="CityLevel">The applicant's unit is 市本级 (no county step).</param>
/// <param name="AllExpertsAppraised">Every expert of the current round has recorded an appraisal.</param>
/// <param name="ExemptionPending">The researcher asked for 免于鉴定 and the federation has not answered in this round.</param>
public sealed record WorkflowFacts(bool CityLevel, bool AllExpertsAppraised, bool ExemptionPending)
{
    /// <summary>Requires Project.Unit.Region, ExpertAssignments and Opinions loaded.</summary>
    public static WorkflowFacts Of(ClosureApplication application) =>
        new(ReviewWorkflow.IsCityLevel(application), ReviewWorkflow.AllExpertsAppraised(application), application.ExemptionPending);

    /// <summary>No guard holds: enough to draw the diagram.</summary>
    public static WorkflowFacts None { get; } = new(false, false, false);
}

/// <summary>A condition on a transition; the label is what the diagram prints beside it.</summary>
public sealed record WorkflowGuard(string Label, Func<WorkflowFacts, bool> Holds);

/// <summary>One arrow of the machine: from a state to another (or staying, when <see cref="To"/> is null).</summary>
/// <param name="QueueText">The 待办 text in this state when it differs from the action's.</param>
public sealed record WorkflowTransition(ApplicationStatus From, ApplicationStatus? To, WorkflowGuard? Guard = null, string? QueueText = null)
{
    public bool IsInternal => To is null;
}

/// <summary>
/// One workflow action, declared once: its Chinese name, the arrows it may take, who may fire it, the role whose
/// 待办 shows it and with which text, and the page that performs it.
/// </summary>
/// <param name="Who">Who may fire it: a predicate over the signed-in user and the application, the same
/// <see cref="Actor"/> helpers every other authorization rule uses.</param>
/// <param name="QueueRole">The role whose 待办 lists the application while this action is open, or null.</param>
/// <param name="QueueText">The 待办 text for that role, or null.</param>
/// <param name="Page">The Razor page that performs it.</param>
public sealed record WorkflowAction(
    ReviewTrigger Trigger,
    string Name,
    IReadOnlyList<WorkflowTransition> Transitions,
    Func<Actor, ClosureApplication, bool> Who,
    string? QueueRole,
    string? QueueText,
    string Page)
{
    /// <summary>Who acts, for blind review, when it is not the party of the stage it fires from (<see cref="WorkflowStage.Party"/>).</summary>
    public WorkflowParty? Party { get; init; }

    /// <summary>Its own notices, instead of those of the stage it enters (<see cref="WorkflowStage.OnEnter"/>): for an
    /// action that stays in its stage, or that tells someone other than the stage's holder.</summary>
    public IReadOnlyList<HandOverNotice>? Notices { get; init; }

    /// <summary>The party that acts when it fires from <paramref name="from"/>.</summary>
    public WorkflowParty PartyFrom(ApplicationStatus from) => Party ?? WorkflowStages.Of(from).Party;

    /// <summary>The states it may fire from (guards aside).</summary>
    public IEnumerable<ApplicationStatus> From => Transitions.Select(t => t.From).Distinct();

    /// <summary>May <paramref name="actor"/> fire it on <paramref name="application"/> in its state? Guards are the machine's.</summary>
    public bool Allows(Actor actor, ClosureApplication application) =>
        Transitions.Any(t => t.From == application.Status) && Who(actor, application);

    /// <summary>The transition out of <paramref name="status"/> whose guard holds for <paramref name="facts"/>, if any.</summary>
    public WorkflowTransition? TransitionFrom(ApplicationStatus status, WorkflowFacts facts) =>
        Transitions.FirstOrDefault(t => t.From == status && (t.Guard is null || t.Guard.Holds(facts)));
}

/// <summary>
/// The table of every action on a closure application — the one place a trigger is declared. The Stateless
/// machine (<see cref="ReviewWorkflow"/>) is configured from it, the authorization handler asks it who may fire
/// an action, and the 待办 queue takes its action text from it. What each state means (who holds it, its group,
/// limit, viewers, notices) is <see cref="WorkflowStages"/>. A new action is one row here (plus its trigger), its
/// intent method on <see cref="ClosureApplication"/>, its handler and its page: docs/ARCHITECTURE.md counts the files.
/// </summary>
public static class WorkflowActions
{
    public static readonly WorkflowGuard CountyUnit = new(ReviewWorkflow.CountyUnitGuard, f => !f.CityLevel);
    public static readonly WorkflowGuard CityLevelUnit = new(ReviewWorkflow.CityLevelUnitGuard, f => f.CityLevel);
    public static readonly WorkflowGuard AllAppraised = new(ReviewWorkflow.AllAppraisedGuard, f => f.AllExpertsAppraised);
    public static readonly WorkflowGuard AppraisalPending = new(ReviewWorkflow.AppraisalPendingGuard, f => !f.AllExpertsAppraised);
    public static readonly WorkflowGuard ExemptionRequested = new(ReviewWorkflow.ExemptionPendingGuard, f => f.ExemptionPending);
    public static readonly WorkflowGuard NoExemptionPending = new(ReviewWorkflow.NoExemptionPendingGuard, f => !f.ExemptionPending);

    private const string ActPage = "/Review/Act";

    private static bool AllIn(HandOver h) => ReviewWorkflow.AllExpertsAppraised(h.Application);

    /// <summary>Every action, in the order the 办理 page and the queue consider them.</summary>
    public static IReadOnlyList<WorkflowAction> All { get; } =
    [
        new(ReviewTrigger.Submit, "提交",
            [
                new(ApplicationStatus.Draft, ApplicationStatus.UnitReview),
                new(ApplicationStatus.Returned, ApplicationStatus.UnitReview, QueueText: "按退回意见修改后重新提交"),
                new(ApplicationStatus.Deferred, ApplicationStatus.UnitReview, QueueText: "按暂缓结项意见修改后重新提交"),
            ],
            (actor, a) => actor.IsLeaderOf(a), Roles.Researcher, "完善并提交结项申请", "/Applications/Submit"),
        new(ReviewTrigger.Withdraw, "撤回",
            [new(ApplicationStatus.UnitReview, ApplicationStatus.Draft)],
            (actor, a) => actor.IsLeaderOf(a), null, null, "/Review/Withdraw"),
        new(ReviewTrigger.ApproveByUnit, "单位审核通过",
            [
                new(ApplicationStatus.UnitReview, ApplicationStatus.CountyReview, CountyUnit),
                new(ApplicationStatus.UnitReview, ApplicationStatus.FederationIntake, CityLevelUnit),
            ],
            (actor, a) => actor.IsUnitReviewerOf(a), Roles.UnitReviewer, "单位审核", ActPage),
        new(ReviewTrigger.ApproveByCounty, "县区社科联审核通过",
            [new(ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake)],
            (actor, a) => actor.IsCountyReviewerOf(a), Roles.CountyFederation, "县区社科联审核", ActPage),
        new(ReviewTrigger.GrantExemption, "同意免于鉴定",
            [new(ApplicationStatus.FederationIntake, ApplicationStatus.FederationReview, ExemptionRequested)],
            (actor, a) => actor.Is(Roles.MunicipalFederation), Roles.MunicipalFederation, "审核免于鉴定申请", "/Review/Exemption")
        {
            Notices = [new(NoticeAudience.Leader, h => new($"结项申请 {h.Code} 已同意免于鉴定",
                $"您的项目{h.Title}经市社科联审核同意免于鉴定（{h.Note}），待市社科联终审。", h.DetailsLink))],
        },
        new(ReviewTrigger.RefuseExemption, "不同意免于鉴定",
            [new(ApplicationStatus.FederationIntake, null, ExemptionRequested)],
            (actor, a) => actor.Is(Roles.MunicipalFederation), Roles.MunicipalFederation, "审核免于鉴定申请", "/Review/Exemption")
        {
            Notices = [new(NoticeAudience.Leader, h => new($"结项申请 {h.Code} 不同意免于鉴定",
                $"您的项目{h.Title}的免于鉴定申请未获同意，转入专家鉴定。理由：{h.Note}", h.DetailsLink))],
        },
        new(ReviewTrigger.AssignExperts, "受理并分配鉴定专家",
            [new(ApplicationStatus.FederationIntake, ApplicationStatus.ExpertReview, NoExemptionPending)],
            (actor, a) => actor.Is(Roles.MunicipalFederation), Roles.MunicipalFederation, "受理并分配鉴定专家", ActPage),
        new(ReviewTrigger.Appraise, "专家鉴定",
            [new(ApplicationStatus.ExpertReview, null, AppraisalPending)],
            (actor, a) => actor.AssignmentInCurrentRound(a) is not null && !actor.HasAppraised(a), Roles.Expert, "专家鉴定", ActPage)
        {
            // One expert acts, not the panel; once the last appraisal is in, the chief combines them.
            Party = WorkflowParty.Expert,
            Notices =
            [
                new(NoticeAudience.ChiefExpert, h => new($"结项申请 {h.Code} 鉴定意见已到齐",
                    $"项目{h.Title}的全部专家鉴定意见已提交，请您签署综合鉴定意见。", h.ReviewLink), AllIn),
                new(NoticeAudience.Federation, h => new($"结项申请 {h.Code} 专家鉴定意见已到齐",
                    $"项目{h.Title}的全部专家鉴定意见已提交，待主审专家签署综合鉴定意见。", h.DetailsLink), AllIn),
            ],
        },
        new(ReviewTrigger.Decline, "谢绝鉴定",
            [new(ApplicationStatus.ExpertReview, ApplicationStatus.FederationIntake)],
            (actor, a) => actor.AssignmentInCurrentRound(a) is not null && !actor.HasAppraised(a), null, null, "/Review/Decline")
        {
            // One expert acts; the federation is told that a replacement is needed (intake's own notice speaks of the unit's
            // or county's approval). The notice names neither the expert nor the reason's text, only its kind.
            Party = WorkflowParty.Expert,
            Notices =
            [
                new(NoticeAudience.Federation, h => new($"结项申请 {h.Code} 鉴定专家谢绝鉴定，请补充分配",
                    $"项目{h.Title}的一位鉴定专家谢绝鉴定（{DeclineKinds.KindOf(h.Note)}），申请已回到受理环节，请补充分配鉴定专家。", h.ReviewLink)),
            ],
        },
        new(ReviewTrigger.CompleteAppraisal, "主审专家综合鉴定",
            [new(ApplicationStatus.ExpertReview, ApplicationStatus.FederationReview, AllAppraised)],
            (actor, a) => actor.AssignmentInCurrentRound(a)?.IsChief == true, Roles.Expert, "综合鉴定（全部专家鉴定意见已到齐）", ActPage),
        new(ReviewTrigger.Conclude, "同意结项",
            [new(ApplicationStatus.FederationReview, ApplicationStatus.Concluded)],
            (actor, a) => actor.Is(Roles.MunicipalFederation), Roles.MunicipalFederation, "市社科联审核", ActPage),
        new(ReviewTrigger.Reject, "不予结项",
            [new(ApplicationStatus.FederationReview, ApplicationStatus.Rejected)],
            (actor, a) => actor.Is(Roles.MunicipalFederation), Roles.MunicipalFederation, "市社科联审核", ActPage),
        new(ReviewTrigger.Defer, "暂缓结项",
            [new(ApplicationStatus.FederationReview, ApplicationStatus.Deferred)],
            (actor, a) => actor.Is(Roles.MunicipalFederation), Roles.MunicipalFederation, "市社科联审核", "/Review/Defer"),
        new(ReviewTrigger.Return, "退回修改",
            [
                new(ApplicationStatus.UnitReview, ApplicationStatus.Returned),
                new(ApplicationStatus.CountyReview, ApplicationStatus.Returned),
                new(ApplicationStatus.FederationIntake, ApplicationStatus.Returned),
                new(ApplicationStatus.ExpertReview, ApplicationStatus.Returned),
                new(ApplicationStatus.FederationReview, ApplicationStatus.Returned),
            ],
            // Whoever holds the application returns it; an expert panel returns through its chief.
            (actor, a) => a.Status switch
            {
                ApplicationStatus.UnitReview => actor.IsUnitReviewerOf(a),
                ApplicationStatus.CountyReview => actor.IsCountyReviewerOf(a),
                ApplicationStatus.FederationIntake or ApplicationStatus.FederationReview => actor.Is(Roles.MunicipalFederation),
                ApplicationStatus.ExpertReview => actor.AssignmentInCurrentRound(a)?.IsChief == true,
                _ => false,
            },
            null, null, ActPage),
    ];

    private static readonly Dictionary<ReviewTrigger, WorkflowAction> ByTrigger = All.ToDictionary(a => a.Trigger);

    /// <summary>The declared action of <paramref name="trigger"/>; every trigger has exactly one.</summary>
    public static WorkflowAction Of(ReviewTrigger trigger) => ByTrigger[trigger];

    /// <summary>The action an operation name stands for (operations on triggers are named after them).</summary>
    public static WorkflowAction? Named(string operation) =>
        Enum.TryParse<ReviewTrigger>(operation, out var trigger) && Enum.IsDefined(trigger) && !int.TryParse(operation, out _)
            ? ByTrigger[trigger] : null;

    /// <summary>
    /// The 待办 text for <paramref name="role"/> facing an application in <paramref name="status"/>: that of the
    /// first action of the role open there, or null when the role has nothing to do in that state.
    /// </summary>
    public static string? QueueTextFor(string role, ApplicationStatus status, WorkflowFacts facts)
    {
        foreach (var action in All.Where(a => a.QueueRole == role && a.QueueText is not null))
        {
            if (action.TransitionFrom(status, facts) is { } transition)
                return transition.QueueText ?? action.QueueText;
        }
        return null;
    }
}
