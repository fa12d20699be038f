using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>用户管理: accounts with their roles and scope (read-only for now).</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class UsersModel(ListUsers.Handler handler) : PageModel
{
    public IReadOnlyList<ListUsers.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListUsers.Query(), cancellationToken);
}
