using BaZhouTalent.Application.Projects;

namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A request (申请事项) on a funded project, e.g. 延期: asked by the leader, agreed by the unit, decided by the city
/// federation. Its status changes only through <see cref="ProjectRequestWorkflow"/>; each row keeps who decided what,
/// so the project's history is these rows.
/// </summary>
public class ProjectRequest
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public FundedProject Project { get; set; } = null!;
    public ProjectRequestKind Kind { get; set; }
    public ProjectRequestStatus Status { get; private set; } = ProjectRequestStatus.Requested;

    public string RequestedByUserId { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>For an extension: the planned completion in force when asked, and the date asked for.</summary>
    public DateOnly? CompletionBefore { get; set; }
    public DateOnly? RequestedCompletion { get; set; }
    /// <summary>For a change request (项目变更): what changes, as JSON (<see cref="ProjectChange"/>).</summary>
    public string? ChangeContent { get; set; }

    /// <summary>The change asked for; empty for other kinds.</summary>
    public ProjectChange Change => ProjectChange.FromJson(ChangeContent);

    public string? UnitDecidedByName { get; private set; }
    public DateTimeOffset? UnitDecidedAt { get; private set; }
    public string? UnitOpinion { get; private set; }
    public string? FederationDecidedByName { get; private set; }
    public DateTimeOffset? FederationDecidedAt { get; private set; }
    public string? FederationOpinion { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency, as on the application: a stale decision page is refused.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is ProjectRequestStatus.Requested or ProjectRequestStatus.UnitAgreed;

    internal void MoveTo(ProjectRequestStatus status) => Status = status;

    /// <summary>Fires <paramref name="action"/>'s trigger and records the decision on the row. The caller checked who may.</summary>
    public void Apply(ProjectRequestAction action, string actorName, string opinion, DateTimeOffset now)
    {
        if (!ProjectRequestWorkflow.CanFire(this, action.Trigger))
            throw new Workflow.ReviewRuleException($"该申请当前为“{Status.ToChinese()}”，不能执行“{action.Name}”。");
        if (action.OpinionRequired && string.IsNullOrWhiteSpace(opinion))
            throw new Workflow.ReviewRuleException($"“{action.Name}”须填写意见。");
        ProjectRequestWorkflow.For(this).Fire(action.Trigger);
        var text = opinion.Trim();
        switch (action.Party)
        {
            case RequestParty.Unit:
                UnitDecidedByName = actorName;
                UnitDecidedAt = now;
                UnitOpinion = text;
                break;
            case RequestParty.Federation:
                FederationDecidedByName = actorName;
                FederationDecidedAt = now;
                FederationOpinion = text;
                break;
        }
        if (!IsOpen)
            ClosedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

public enum ProjectRequestKind
{
    /// <summary>延期: a later completion date.</summary>
    Extension = 0,
    /// <summary>撤项: the unit asks the city federation to terminate the project; filed by the unit, so agreed by it.</summary>
    Termination = 1,
    /// <summary>项目变更: the leader asks to change leader, members, title, unit or output form; unit, then federation.</summary>
    Change = 2,
}

public enum ProjectRequestStatus
{
    Requested = 0,
    UnitAgreed = 1,
    Approved = 2,
    Refused = 3,
    Withdrawn = 4,
}

public static class ProjectRequestNames
{
    public static string ToChinese(this ProjectRequestKind kind) => kind switch
    {
        ProjectRequestKind.Extension => "延期",
        ProjectRequestKind.Termination => "撤项",
        ProjectRequestKind.Change => "项目变更",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Where the request stands, naming who decided: 待单位审核, 待市社科联审批, 已批准, 所在单位不同意, 市社科联不予批准, 已撤回.
    /// The project page's 状态 and the notices' titles read it, the same for every kind (延期, 撤项, 项目变更).
    /// </summary>
    public static string OutcomeName(this ProjectRequest request) => request.Status switch
    {
        ProjectRequestStatus.Refused when request.FederationDecidedAt is null => "所在单位不同意",
        ProjectRequestStatus.Refused => "市社科联不予批准",
        ProjectRequestStatus.Withdrawn => "申请人已撤回",
        _ => request.Status.ToChinese(),
    };

    /// <summary>The same as a sentence, with the refusing party's reason: “所在单位已同意，等待市社科联审批。”, “市社科联不予批准：……”.</summary>
    public static string OutcomeSentence(this ProjectRequest request) => request.Status switch
    {
        ProjectRequestStatus.Requested => "已提交，等待所在单位审核。",
        ProjectRequestStatus.UnitAgreed when request.Kind == ProjectRequestKind.Termination => "所在单位已提出，等待市社科联审批。",
        ProjectRequestStatus.UnitAgreed => "所在单位已同意，等待市社科联审批。",
        ProjectRequestStatus.Approved => "市社科联已批准。",
        ProjectRequestStatus.Refused => $"{request.OutcomeName()}：{Sentence(request.FederationDecidedAt is null ? request.UnitOpinion : request.FederationOpinion)}",
        ProjectRequestStatus.Withdrawn => "项目负责人已撤回申请。",
        _ => request.Status.ToString(),
    };

    private static string Sentence(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return "未填写理由。";
        return "。！？；.!?".Contains(trimmed[^1]) ? trimmed : trimmed + "。";
    }

    public static string ToChinese(this ProjectRequestStatus status) => status switch
    {
        ProjectRequestStatus.Requested => "待单位审核",
        ProjectRequestStatus.UnitAgreed => "待市社科联审批",
        ProjectRequestStatus.Approved => "已批准",
        ProjectRequestStatus.Refused => "未获批准",
        ProjectRequestStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };
}
