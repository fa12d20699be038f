using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>我的项目: the funded projects the signed-in researcher leads.</summary>
[Authorize(Roles = Roles.Researcher)]
public sealed class IndexModel(ListMyProjects.Handler handler) : PageModel
{
    public IReadOnlyList<ListMyProjects.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListMyProjects.Query(), cancellationToken);
}
