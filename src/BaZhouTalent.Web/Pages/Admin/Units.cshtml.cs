using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>单位管理: units with the region that decides their review route (read-only for now).</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class UnitsModel(ListUnits.Handler handler) : PageModel
{
    public IReadOnlyList<ListUnits.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListUnits.Query(), cancellationToken);
}
