using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>项目登记: the register of funded projects, with the ways into it (登记项目, Excel 导入).</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ProjectsModel(ListProjects.Handler handler) : ListPageModel
{
    public Paged<ListProjects.Row> Rows { get; private set; } = new([], 1, ListRequest.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(Listing, cancellationToken);
}
