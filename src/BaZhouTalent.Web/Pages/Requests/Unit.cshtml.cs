using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Requests;

[Authorize(Roles = Roles.UnitReviewer)]
public sealed class UnitModel(ListWaitingRequests.Handler handler) : WaitingRequestsPageModel(handler)
{
    public override RequestParty Party => RequestParty.Unit;
    public override string Heading => "申请事项（单位审核）";
    public override string Lead => "本单位项目负责人提出、等待单位审核的申请事项（延期等）。";
}
