using BaZhouTalent.Application.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>审核历史: every transition, the signed opinions by round, and what changed between rounds.</summary>
public sealed class HistoryModel(GetHistory.Handler handler) : PageModel
{
    public GetHistory.Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        View = await handler.HandleAsync(new GetHistory.Query(code), User, cancellationToken);
        return View.Access switch
        {
            GetHistory.Access.NotFound => NotFound(),
            GetHistory.Access.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
            _ => Page(),
        };
    }
}
