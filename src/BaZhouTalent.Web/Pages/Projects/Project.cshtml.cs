using BaZhouTalent.Application.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>项目情况: the project's dates, lifecycle and the history of its requests, for whoever may see the project.</summary>
public sealed class ProjectModel(GetProjectFile.Handler handler) : PageModel
{
    public GetProjectFile.Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await handler.HandleAsync(code, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
