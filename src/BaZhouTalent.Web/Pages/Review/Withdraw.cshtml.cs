using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>撤回: the researcher confirms taking the application back before the unit has acted.</summary>
public sealed class WithdrawModel(GetReviewPage.Handler pageHandler) : PageModel
{
    public GetReviewPage.Result View { get; private set; } = null!;

    public string? ConflictMessage { get; private set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var view = await pageHandler.HandleAsync(new GetReviewPage.Query(code), User, cancellationToken);
        if (view is null) return NotFound();
        if (!view.Can(ReviewTrigger.Withdraw)) return StatusCode(StatusCodes.Status403Forbidden);
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromServices] WithdrawApplication.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new WithdrawApplication.Command(code, Stamp), User, cancellationToken);
        switch (outcome.Kind)
        {
            case ReviewOutcomeKind.Done:
                TempData[StatusMessages.Success] = "已撤回，申请恢复为草稿，可修改后重新提交。";
                return Redirect($"/applications/{Uri.EscapeDataString(code)}");
            case ReviewOutcomeKind.NotFound:
                return NotFound();
            case ReviewOutcomeKind.Forbidden:
                // After the unit acted the page is stale: say so rather than a bare 403.
                var current = await pageHandler.HandleAsync(new GetReviewPage.Query(code), User, cancellationToken);
                if (current is null) return NotFound();
                View = current;
                ConflictMessage = "单位已开始办理，申请已不能撤回。";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
        var view = await pageHandler.HandleAsync(new GetReviewPage.Query(code), User, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        ConflictMessage = outcome.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
