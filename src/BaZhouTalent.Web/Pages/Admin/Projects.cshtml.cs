using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>项目登记: the register of funded projects, with the ways into it (登记项目, Excel 导入).</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ProjectsModel(ListProjects.Handler handler) : PageModel
{
    public IReadOnlyList<ListProjects.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListProjects.Query(), cancellationToken);
}
