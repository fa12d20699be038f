using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Workflow;

/// <summary>Who, besides the project's leader (who always does), may open an application in a stage.</summary>
[Flags]
public enum StageViewers
{
    None = 0,
    /// <summary>The reviewers of the project's unit (they also see anything once submitted, whatever its stage).</summary>
    Unit = 1,
    /// <summary>The county federation of the unit's region.</summary>
    County = 2,
    /// <summary>The experts assigned to it in any round.</summary>
    Experts = 4,
    /// <summary>The city federation (which also sees anything once submitted).</summary>
    Federation = 8,
    /// <summary>Every reviewing party.</summary>
    Reviewers = Unit | County | Experts | Federation,
}

/// <summary>Who acts, as blind review names them in the history (<see cref="Disclosure.DisclosedApplication"/>).</summary>
public enum WorkflowParty
{
    /// <summary>The researcher's side: the leader, the unit, the county (hidden from blind viewers).</summary>
    Applicant,
    /// <summary>One expert of the panel.</summary>
    Expert,
    /// <summary>The panel, acting through its chief.</summary>
    ChiefExpert,
    /// <summary>The city federation.</summary>
    Federation,
}

/// <summary>One group of a role's 待办, by its key in the address (<c>/?group=…</c>) and its title.</summary>
/// <param name="ExemptionPending">Only the items with (true) or without (false) an unanswered 免于鉴定 request; null: all.</param>
public sealed record QueueGroup(string Key, string Title, bool? ExemptionPending = null);

/// <summary>A role that holds stages, with the group its 待办 items fall into when a stage names none.</summary>
public sealed record StageRole(string Role, QueueGroup Group);

/// <summary>
/// One stage of the review chain (a value of <see cref="ApplicationStatus"/>), declared once: its names, the role that
/// holds it (whose 待办 lists it), the groups of that role's 待办 it falls into, its time limit, who may open it, who acts
/// from it (for blind review) and the notices sent when an application enters it.
/// </summary>
/// <param name="Title">The status as people read it (待单位审核).</param>
/// <param name="Work">The work done in it (单位审核): the dashboard's “longest waits”, the review lists' tabs.</param>
/// <param name="Role">The role that holds it, or null once decided.</param>
/// <param name="Groups">The holder's 待办 groups this stage is split into; empty: the role's own group.</param>
/// <param name="Deadline">Working days the stage may take, read from <c>Closure:Deadlines</c>; null: no limit.</param>
/// <param name="SeenBy">Who may open an application in it, besides its leader.</param>
/// <param name="Party">Who acts from it, unless the action says otherwise (<see cref="WorkflowAction.Party"/>).</param>
/// <param name="OnEnter">The notices written when an action moves an application into it (unless the action has its own).</param>
public sealed record WorkflowStage(
    ApplicationStatus Status,
    string Title,
    string Work,
    string? Role,
    IReadOnlyList<QueueGroup> Groups,
    Func<DeadlineOptions, int>? Deadline,
    StageViewers SeenBy,
    WorkflowParty Party,
    IReadOnlyList<HandOverNotice> OnEnter)
{
    /// <summary>For a stage a reviewer sends an application back into (被退回, 暂缓结项): what the researcher's 待办
    /// calls the reason they read, and where it opens (the reason on the application page). Null otherwise.</summary>
    public string? ReasonLabel { get; init; }

    /// <summary>A reviewer holds it: submitted, not yet back with the researcher nor decided.</summary>
    public bool InReview => Role is not null && Role != Roles.Researcher;
}

/// <summary>
/// The table of every stage — the one place a status is described. Visibility, the queues (待办 and the review
/// lists), the deadlines, the hand-over notices and the history's disclosure read it; a test fails when a status of
/// the enum has no row. The actions between stages are <see cref="WorkflowActions"/>.
/// </summary>
public static class WorkflowStages
{
    /// <summary>The roles that hold stages, in the order an application meets them, with their 待办 group.</summary>
    public static IReadOnlyList<StageRole> Roles { get; } =
    [
        new(Security.Roles.Researcher, new("mine", "我的结项申请")),
        new(Security.Roles.UnitReviewer, new("unit", "单位审核")),
        new(Security.Roles.CountyFederation, new("county", "县（区）社科联审核")),
        new(Security.Roles.Expert, new("expert", "专家鉴定")),
        new(Security.Roles.MunicipalFederation, new("federation", "市社科联受理与审核")),
    ];

    private const StageViewers Submitted = StageViewers.Unit | StageViewers.Federation;
    private const StageViewers PastTheUnit = Submitted | StageViewers.County;

    public static IReadOnlyList<WorkflowStage> All { get; } =
    [
        new(ApplicationStatus.Draft, "草稿", "草稿", Security.Roles.Researcher, [], null,
            StageViewers.None, WorkflowParty.Applicant,
            [new(NoticeAudience.UnitReviewers, h => new($"结项申请 {h.Code} 已撤回", $"项目{h.Title}的结项申请已由申请人撤回，暂无需审核。", "/Review/Unit"))]),
        new(ApplicationStatus.UnitReview, "待单位审核", "单位审核", Security.Roles.UnitReviewer, [], o => o.UnitReview,
            Submitted, WorkflowParty.Applicant,
            [new(NoticeAudience.UnitReviewers, h => new($"结项申请 {h.Code} 待您审核", h.From switch
            {
                ApplicationStatus.Returned => $"项目{h.Title}的结项申请已修改并重新提交，请进行单位审核。",
                ApplicationStatus.Deferred => $"项目{h.Title}的结项申请已按暂缓结项意见修改并重新提交，请进行单位审核。",
                _ => $"项目{h.Title}的结项申请已提交，请进行单位审核。",
            }, h.ReviewLink))]),
        new(ApplicationStatus.CountyReview, "待县区社科联审核", "县区社科联审核", Security.Roles.CountyFederation, [], o => o.CountyReview,
            PastTheUnit, WorkflowParty.Applicant,
            [new(NoticeAudience.CountyReviewers, h => new($"结项申请 {h.Code} 待您审核",
                $"项目{h.Title}的结项申请已通过单位审核，请进行县（区）社科联审核。", h.ReviewLink))]),
        new(ApplicationStatus.FederationIntake, "待市社科联受理", "受理并分配鉴定专家", Security.Roles.MunicipalFederation,
            [new("exemption", "受理（免于鉴定申请）", ExemptionPending: true), new("intake", "受理（分配鉴定专家）", ExemptionPending: false)],
            o => o.FederationIntake, PastTheUnit, WorkflowParty.Federation,
            [new(NoticeAudience.Federation, h => new($"结项申请 {h.Code} 待您受理",
                $"项目{h.Title}的结项申请已通过{(h.From == ApplicationStatus.UnitReview ? "单位" : "县（区）社科联")}审核，"
                    + (h.Application.ExemptionPending ? "并申请免于鉴定，请审核免于鉴定申请。" : "请受理并分配鉴定专家。"),
                h.ReviewLink))]),
        new(ApplicationStatus.ExpertReview, "专家鉴定中", "专家鉴定", Security.Roles.Expert, [], o => o.ExpertReview,
            StageViewers.Reviewers, WorkflowParty.ChiefExpert,
            // Names no one: the expert learns the project, never the leader or the unit.
            [new(NoticeAudience.RoundExperts, h => new($"结项申请 {h.Code} 请您鉴定",
                $"市社科联已将项目{h.Title}的结项成果分配给您鉴定，请在规定时限内提交鉴定意见。", h.ReviewLink))]),
        new(ApplicationStatus.FederationReview, "待市社科联审核", "市社科联审核", Security.Roles.MunicipalFederation,
            [new("review", "审核（终审）")], o => o.FederationReview, StageViewers.Reviewers, WorkflowParty.Federation,
            [new(NoticeAudience.Federation, h => new($"结项申请 {h.Code} 鉴定完成，待您审核",
                $"项目{h.Title}的专家鉴定已完成，请进行市社科联审核（终审）。", h.ReviewLink))]),
        new(ApplicationStatus.Concluded, "已结项", "已结项", null, [], null, StageViewers.Reviewers, WorkflowParty.Applicant,
            Outcome(h => new($"结项申请 {h.Code} 已同意结项",
                $"项目{h.Title}经市社科联审核同意结项，结项证书编号：{h.Application.CertificateNumber}。", h.DetailsLink))),
        new(ApplicationStatus.Rejected, "不予结项", "不予结项", null, [], null, StageViewers.Reviewers, WorkflowParty.Applicant,
            Outcome(h => new($"结项申请 {h.Code} 不予结项", $"项目{h.Title}经市社科联审核不予结项。理由：{h.Note}", h.DetailsLink))),
        new(ApplicationStatus.Returned, "被退回", "被退回", Security.Roles.Researcher, [], null, StageViewers.None, WorkflowParty.Applicant,
            [new(NoticeAudience.Leader, h => new($"结项申请 {h.Code} 被退回修改",
                $"您的项目{h.Title}的结项申请在“{h.From.ToChinese()}”环节被退回修改。退回理由：{h.Note}\n请修改后重新提交。",
                $"{h.DetailsLink}#return-reason"))]) { ReasonLabel = "退回理由" },
        new(ApplicationStatus.Deferred, "暂缓结项", "暂缓结项", Security.Roles.Researcher, [], null, Submitted, WorkflowParty.Applicant,
            Outcome(h => new($"结项申请 {h.Code} 暂缓结项",
                $"项目{h.Title}经市社科联审核暂缓结项，请于 {h.Application.DeferredUntil:yyyy年M月d日} 前按意见修改后重新提交。意见：{h.Note}",
                $"{h.DetailsLink}#return-reason"))) { ReasonLabel = "暂缓结项意见" },
    ];

    /// <summary>An outcome the leader and the unit both learn, in the same words.</summary>
    private static HandOverNotice[] Outcome(Func<HandOver, NoticeText> text) =>
        [new(NoticeAudience.Leader, text), new(NoticeAudience.UnitReviewers, text)];

    private static readonly Dictionary<ApplicationStatus, WorkflowStage> ByStatus = All.ToDictionary(s => s.Status);

    /// <summary>The declared stage of <paramref name="status"/>; a status without a row is a programming error.</summary>
    public static WorkflowStage Of(ApplicationStatus status) =>
        ByStatus.TryGetValue(status, out var stage) ? stage
            : throw new InvalidOperationException($"ApplicationStatus.{status} has no row in WorkflowStages.All.");

    /// <summary>Whether <paramref name="status"/> is declared (the test that the enum and the table agree).</summary>
    public static bool IsDeclared(ApplicationStatus status) => ByStatus.ContainsKey(status);

    /// <summary>The statuses in which an application waits for <paramref name="role"/>, in the table's order.</summary>
    public static IReadOnlyList<ApplicationStatus> HeldBy(string role) =>
        All.Where(s => s.Role == role).Select(s => s.Status).ToList();

    /// <summary>The statuses in which <paramref name="viewer"/> may open an application.</summary>
    public static ApplicationStatus[] SeenBy(StageViewers viewer) =>
        All.Where(s => s.SeenBy.HasFlag(viewer)).Select(s => s.Status).ToArray();

    /// <summary>The statuses a reviewer holds (submitted, neither back with the researcher nor decided).</summary>
    public static IReadOnlyList<ApplicationStatus> InReview { get; } = All.Where(s => s.InReview).Select(s => s.Status).ToList();

    /// <summary>The stages a reviewer sends an application back into, with a reason (<see cref="WorkflowStage.ReasonLabel"/>).</summary>
    public static IReadOnlyList<ApplicationStatus> SentBack { get; } = All.Where(s => s.ReasonLabel is not null).Select(s => s.Status).ToList();

    /// <summary>The role's 待办 group (<see cref="Roles"/>).</summary>
    public static QueueGroup GroupOf(string role) => Roles.First(r => r.Role == role).Group;
}
