using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Requests;

[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class FederationModel(ListWaitingRequests.Handler handler) : WaitingRequestsPageModel(handler)
{
    public override RequestParty Party => RequestParty.Federation;
    public override string Heading => "申请事项（市社科联审批）";
    public override string Lead => "所在单位已同意、等待市社科联审批的申请事项（延期等）。";
}
