using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace BaZhouTalent.Application.Security;

/// <summary>
/// What a user may try to do with one closure application; decided by <see cref="ApplicationAuthorizationHandler"/>.
/// Firing a workflow trigger is the operation named after it (<see cref="For"/>), whose rule is the action's row in
/// <see cref="WorkflowActions"/>; the rest are the operations that move nothing.
/// </summary>
public static class ApplicationOperations
{
    // Declared first: the named aliases below read it while the class initializes.
    private static readonly Dictionary<ReviewTrigger, OperationAuthorizationRequirement> Fire =
        Enum.GetValues<ReviewTrigger>().ToDictionary(t => t, t => new OperationAuthorizationRequirement { Name = t.ToString() });

    /// <summary>See the application (pages and PDFs).</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    /// <summary>The researcher edits the application wherever they may submit it (draft, returned, deferred).</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    /// <summary>Read every expert's own appraisal: the city federation, and the chief expert once all are in.
    /// Other experts see only their own until the chief has combined them.</summary>
    public static readonly OperationAuthorizationRequirement SeeExpertAppraisals = new() { Name = nameof(SeeExpertAppraisals) };
    /// <summary>Download the 结项证书 of a concluded application: the city federation, the leader and the unit.</summary>
    public static readonly OperationAuthorizationRequirement DownloadCertificate = new() { Name = nameof(DownloadCertificate) };

    /// <summary>The researcher submits to the unit.</summary>
    public static readonly OperationAuthorizationRequirement Submit = For(ReviewTrigger.Submit);
    /// <summary>The researcher takes it back before the unit acts.</summary>
    public static readonly OperationAuthorizationRequirement Withdraw = For(ReviewTrigger.Withdraw);
    /// <summary>五、市社科联审核意见: conclude, reject or defer (one rule for the three).</summary>
    public static readonly OperationAuthorizationRequirement Decide = For(ReviewTrigger.Conclude);

    /// <summary>The operation a user must be allowed before firing <paramref name="trigger"/>.</summary>
    public static OperationAuthorizationRequirement For(ReviewTrigger trigger) => Fire[trigger];
}
