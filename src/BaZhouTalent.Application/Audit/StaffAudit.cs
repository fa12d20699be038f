using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Audit;

/// <summary>
/// Staff actions and decisions (accounts, register, units, expert pool, windows, and the federation's decisions on
/// requests and applications: extension, termination, exemption, deferral, expert assignment, conclusion) are security
/// events too: each is one record of the security audit (<see cref="SecurityAudit"/>), written with the change it records
/// so neither exists without the other.
/// </summary>
public sealed class StaffAudit(SecurityAudit audit)
{
    /// <summary>Adds the record to the context; the caller's SaveChanges writes it together with the change.</summary>
    public void Add(StaffAction action, string subject, string details = "") =>
        audit.Add(action.ToString(), SecurityOutcome.Success, subject, details);

    /// <summary>A decision on a project's closure application, named by the project (立项编号 and title).</summary>
    public void AddFor(StaffAction action, FundedProject project, string details = "") =>
        Add(action, $"{project.Code} {project.Title}", details);

    /// <summary>Saves at once, for changes already saved by Identity's own store (accounts).</summary>
    public Task RecordAsync(StaffAction action, string subject, string details = "", CancellationToken cancellationToken = default) =>
        audit.RecordAsync(action.ToString(), SecurityOutcome.Success, subject, details, cancellationToken: cancellationToken);
}

/// <summary>The staff actions the audit records; the English name is stored, the Chinese one shown.</summary>
public enum StaffAction
{
    AccountCreated,
    PasswordReset,
    AccountUnlocked,
    ProjectRegistered,
    ProjectsImported,
    UnitAdded,
    UnitRenamed,
    UnitMoved,
    UnitDisabled,
    UnitEnabled,
    ExpertAdded,
    ExpertEdited,
    ExpertDisabled,
    ExpertEnabled,
    ExpertsImported,
    ProjectTerminated,
    ClosureWindowAdded,
    ClosureWindowRemoved,
    AccountDisabled,
    AccountEnabled,
    AccountRoleChanged,
    AccountScopeChanged,
    TwoFactorReset,
    AccountEdited,
    ExtensionApproved,
    ExtensionRefused,
    TerminationRefused,
    ExemptionGranted,
    ExemptionRefused,
    ClosureDeferred,
    ExpertsAssigned,
    ClosureConcluded,
    ClosureRejected,
    RegisterCorrected,
    ChangeApproved,
    ChangeRefused,
    ObjectionRecorded,
    ObjectionDecided,
}

public static class StaffActionNames
{
    public static string ToChinese(string action) => Enum.TryParse<StaffAction>(action, out var known) ? known switch
    {
        StaffAction.AccountCreated => "新建账户",
        StaffAction.PasswordReset => "重置密码",
        StaffAction.AccountUnlocked => "解除锁定",
        StaffAction.ProjectRegistered => "登记项目",
        StaffAction.ProjectsImported => "导入项目",
        StaffAction.UnitAdded => "新增单位",
        StaffAction.UnitRenamed => "单位更名",
        StaffAction.UnitMoved => "调整单位所属区域",
        StaffAction.UnitDisabled => "停用单位",
        StaffAction.UnitEnabled => "启用单位",
        StaffAction.ExpertAdded => "新增专家",
        StaffAction.ExpertEdited => "修改专家信息",
        StaffAction.ExpertDisabled => "停用专家",
        StaffAction.ExpertEnabled => "启用专家",
        StaffAction.ExpertsImported => "导入专家",
        StaffAction.ProjectTerminated => "终止项目",
        StaffAction.ClosureWindowAdded => "新增结项批次",
        StaffAction.ClosureWindowRemoved => "删除结项批次",
        StaffAction.AccountDisabled => "停用账户",
        StaffAction.AccountEnabled => "启用账户",
        StaffAction.AccountRoleChanged => "调整账户角色",
        StaffAction.AccountScopeChanged => "调整账户单位或区域",
        StaffAction.TwoFactorReset => "重置双因素认证",
        StaffAction.AccountEdited => "修改账户资料",
        StaffAction.ExtensionApproved => "批准延期",
        StaffAction.ExtensionRefused => "不批准延期",
        StaffAction.TerminationRefused => "不批准撤项申请",
        StaffAction.ExemptionGranted => "同意免于鉴定",
        StaffAction.ExemptionRefused => "不同意免于鉴定",
        StaffAction.ClosureDeferred => "暂缓结项",
        StaffAction.ExpertsAssigned => "分配鉴定专家",
        StaffAction.ClosureConcluded => "同意结项",
        StaffAction.ClosureRejected => "不予结项",
        StaffAction.RegisterCorrected => "更正登记",
        StaffAction.ChangeApproved => "批准项目变更",
        StaffAction.ChangeRefused => "不批准项目变更",
        StaffAction.ObjectionRecorded => "登记结项公示异议",
        StaffAction.ObjectionDecided => "处理结项公示异议",
        _ => action,
    } : action;
}
