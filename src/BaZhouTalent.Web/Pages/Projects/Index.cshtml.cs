using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Web.Pages.Shared;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>我的项目: the funded projects the signed-in researcher leads, paged, with a button to start or continue.</summary>
[Authorize(Roles = Roles.Researcher)]
public sealed class IndexModel(ListMyProjects.Handler handler, StartApplication.Handler start) : ListPageModel
{
    public Paged<ListMyProjects.Row> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListMyProjects.Query(Listing), cancellationToken);

    /// <summary>开始填写: creates the draft (once) and opens its first section.</summary>
    public async Task<IActionResult> OnPostStartAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await start.HandleAsync(new StartApplication.Command(code), cancellationToken);
        return outcome switch
        {
            StartApplication.Outcome.NotFound => NotFound(),
            // The list offers no start for a terminated project; a stale page's post lands on its file, which says why.
            StartApplication.Outcome.Terminated => Redirect($"/projects/{Uri.EscapeDataString(code)}"),
            StartApplication.Outcome.Started => RedirectToPage("/Applications/Cover", new { code }),
            _ => RedirectToPage("/Applications/Details", new { code }),
        };
    }
}
