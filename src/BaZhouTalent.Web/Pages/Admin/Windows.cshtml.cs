using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>结项批次: the windows in which closure applications may be submitted; none means always open.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class WindowsModel(ClosureWindows.Handler handler) : PageModel
{
    [BindProperty]
    public DateOnly? Opens { get; set; }

    [BindProperty]
    public DateOnly? Closes { get; set; }

    public IReadOnlyList<ClosureWindows.Row> Rows { get; private set; } = [];

    public DateOnly Today => handler.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await handler.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Rows = await handler.ListAsync(cancellationToken);
            return Page();
        }
        var result = await handler.AddAsync(Opens, Closes, cancellationToken);
        if (result.Outcome == ClosureWindows.Outcome.Added)
        {
            TempData[StatusMessages.Success] = "结项批次已添加。";
            return RedirectToPage();
        }
        ModelState.AddModelError(string.Empty, result.Message!);
        Rows = await handler.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var result = await handler.RemoveAsync(id, cancellationToken);
        if (result.Outcome == ClosureWindows.Outcome.NotFound) return NotFound();
        TempData[StatusMessages.Success] = "结项批次已删除。";
        return RedirectToPage();
    }
}
