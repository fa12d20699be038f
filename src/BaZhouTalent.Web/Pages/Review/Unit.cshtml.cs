using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Review;

[Authorize(Roles = Roles.UnitReviewer)]
public sealed class UnitModel(ListReviewQueue.Handler handler) : ReviewQueuePageModel(handler)
{
    public override string Role => Roles.UnitReviewer;
    public override string Heading => "单位审核";
    public override string Lead => "本单位提交、等待单位审核的结项申请。";
    public override string EmptyMessage => "暂无待单位审核的结项申请";
}
