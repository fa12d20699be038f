using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Review;

[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class FederationModel(ListReviewQueue.Handler handler) : ReviewQueuePageModel(handler)
{
    public override string Role => Roles.MunicipalFederation;
    public override string Heading => "结项受理与审核";
    public override string Lead => "等待市社科联受理（分配鉴定专家）或最终审核的结项申请。";
    public override string EmptyMessage => "暂无待受理或待审核的结项申请";
    /// <summary>How many wait at intake (their experts may be assigned together: 一键分配).</summary>
    public int WaitingAtIntake => CountsByStatus.GetValueOrDefault(ApplicationStatus.FederationIntake);

    public override IReadOnlyList<ApplicationStatus> Statuses => [ApplicationStatus.FederationIntake, ApplicationStatus.FederationReview];
}
