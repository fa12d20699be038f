using BaZhouTalent.Application.Queue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages;

/// <summary>待办事项: the home page, listing what waits for the signed-in user in any of their roles.</summary>
public sealed class IndexModel(GetWorkQueue.Handler handler) : PageModel
{
    public IReadOnlyList<GetWorkQueue.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new GetWorkQueue.Query(), cancellationToken);
}
