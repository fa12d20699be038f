using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Review;

[Authorize(Roles = Roles.Expert)]
public sealed class ExpertModel(ListReviewQueue.Handler handler) : ReviewQueuePageModel(handler)
{
    public override string Role => Roles.Expert;
    public override string Heading => "专家鉴定";
    public override string Lead => "分配给您、等待鉴定的结项申请。";
    public override string EmptyMessage => "暂无待您鉴定的结项申请";
}
