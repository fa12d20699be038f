using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace BaZhouTalent.Application.Security;

/// <summary>What a user may try to do with one closure application; decided by <see cref="ApplicationAuthorizationHandler"/>.</summary>
public static class ApplicationOperations
{
    /// <summary>See the application (pages and PDFs).</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    /// <summary>The researcher edits the draft or a returned application.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    /// <summary>The researcher submits to the unit.</summary>
    public static readonly OperationAuthorizationRequirement Submit = new() { Name = nameof(Submit) };
    /// <summary>The researcher takes it back before the unit acts.</summary>
    public static readonly OperationAuthorizationRequirement Withdraw = new() { Name = nameof(Withdraw) };
    /// <summary>二、申请人所在单位审核意见.</summary>
    public static readonly OperationAuthorizationRequirement ReviewAsUnit = new() { Name = nameof(ReviewAsUnit) };
    /// <summary>三、县（区）社科联意见.</summary>
    public static readonly OperationAuthorizationRequirement ReviewAsCounty = new() { Name = nameof(ReviewAsCounty) };
    /// <summary>市社科联受理: assign the experts and the chief.</summary>
    public static readonly OperationAuthorizationRequirement AssignExperts = new() { Name = nameof(AssignExperts) };
    /// <summary>One assigned expert's own appraisal.</summary>
    public static readonly OperationAuthorizationRequirement Appraise = new() { Name = nameof(Appraise) };
    /// <summary>四、专家鉴定意见: the chief expert's combined appraisal.</summary>
    public static readonly OperationAuthorizationRequirement CombineAppraisal = new() { Name = nameof(CombineAppraisal) };
    /// <summary>五、市社科联审核意见: conclude or reject.</summary>
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = nameof(Decide) };
    /// <summary>退回修改 by whoever holds the application now.</summary>
    public static readonly OperationAuthorizationRequirement Return = new() { Name = nameof(Return) };
    /// <summary>Read every expert's own appraisal: the city federation, and the chief expert once all are in.
    /// Other experts see only their own until the chief has combined them.</summary>
    public static readonly OperationAuthorizationRequirement SeeExpertAppraisals = new() { Name = nameof(SeeExpertAppraisals) };

    /// <summary>Download the 结项证书 of a concluded application: the city federation, the leader and the unit.</summary>
    public static readonly OperationAuthorizationRequirement DownloadCertificate = new() { Name = nameof(DownloadCertificate) };

    /// <summary>The operation a user must be allowed before firing <paramref name="trigger"/>.</summary>
    public static OperationAuthorizationRequirement For(ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.Submit => Submit,
        ReviewTrigger.Withdraw => Withdraw,
        ReviewTrigger.ApproveByUnit => ReviewAsUnit,
        ReviewTrigger.ApproveByCounty => ReviewAsCounty,
        ReviewTrigger.AssignExperts => AssignExperts,
        ReviewTrigger.Appraise => Appraise,
        ReviewTrigger.CompleteAppraisal => CombineAppraisal,
        ReviewTrigger.Conclude or ReviewTrigger.Reject => Decide,
        ReviewTrigger.Return => Return,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
