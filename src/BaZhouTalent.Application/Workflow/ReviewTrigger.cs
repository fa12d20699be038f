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
}

public static class ReviewTriggerNames
{
    /// <summary>The action's Chinese name, as declared in <see cref="WorkflowActions"/>.</summary>
    public static string ToChinese(this ReviewTrigger trigger) => WorkflowActions.Of(trigger).Name;

    /// <summary>The Chinese name of an <c>AuditEntry.Action</c>; actions written by other features show as stored.</summary>
    public static string ActionToChinese(string action) =>
        Enum.TryParse<ReviewTrigger>(action, out var trigger) ? trigger.ToChinese() : action;
}
