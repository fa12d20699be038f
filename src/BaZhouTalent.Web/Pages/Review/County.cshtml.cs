using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Review;

[Authorize(Roles = Roles.CountyFederation)]
public sealed class CountyModel(ListReviewQueue.Handler handler) : ReviewQueuePageModel(handler)
{
    public override string Role => Roles.CountyFederation;
    public override string Heading => "县区社科联审核";
    public override string Lead => "本县（区）所属单位报送、等待县（区）社科联审核的结项申请。";
    public override string EmptyMessage => "暂无待县区社科联审核的结项申请";
}
