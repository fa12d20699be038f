using BaZhouTalent.Application.Reuse;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>
/// 自建库查重 of one application's current round, as the disclosure policy lets the viewer see it: the federation the
/// report beside one source with the passages numbered in both; an expert the report alone with its passages; the unit
/// and the county the share; anyone else (the researcher before a decision) 404.
/// </summary>
public sealed class ReuseModel(GetReuseReport.Handler handler) : PageModel
{
    public GetReuseReport.Page View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int? source, CancellationToken cancellationToken)
    {
        if (await handler.PageAsync(code, User, source, cancellationToken) is not { } view)
            return NotFound();
        View = view;
        return Page();
    }
}
