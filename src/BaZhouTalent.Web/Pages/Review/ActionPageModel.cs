using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Review;

/// <summary>
/// A page that performs one declared action (<see cref="WorkflowActions"/>, its <c>Page</c>): it shows the form only
/// to whom the action is open (404 / 403 otherwise) and posts through the one commit path; it only renders and
/// redirects. The 审核办理 page links to every such page whose action is open.
/// </summary>
public abstract class ActionPageModel(GetReviewPage.Handler pageHandler, ReviewActions actions) : PageModel
{
    public GetReviewPage.Result View { get; protected set; } = null!;

    public string? ConflictMessage { get; private set; }

    /// <summary>The form the last post came from, so its errors and typed text show beside it; null on a plain GET.</summary>
    public string? ActiveForm { get; private set; }

    /// <summary>The triggers this page offers; <see cref="ShowAsync"/> answers 403 when none is open.</summary>
    protected virtual IReadOnlyList<ReviewTrigger> Triggers => [];

    /// <summary>The stamp the form carries: the posted one while correcting it, else the current one.</summary>
    protected abstract Guid PostedStamp { get; }

    public Guid FormStamp => ActiveForm is not null && ConflictMessage is null ? PostedStamp : View.Stamp;

    /// <summary>The form field a command property's error belongs to (they differ where a form reuses one input model).</summary>
    protected virtual string InputField(string property) => property;

    /// <summary>The review page's model of the application as this user may see it; null when it is not theirs (404).</summary>
    protected Task<GetReviewPage.Result?> LoadViewAsync(string code, CancellationToken cancellationToken) =>
        pageHandler.HandleAsync(new GetReviewPage.Query(code), User, cancellationToken);

    protected async Task<IActionResult> ShowAsync(string code, CancellationToken cancellationToken)
    {
        var view = await LoadViewAsync(code, cancellationToken);
        if (view is null) return NotFound();
        if (!Triggers.Any(view.Can)) return StatusCode(StatusCodes.Status403Forbidden);
        View = view;
        return Page();
    }

    protected async Task<IActionResult> RunAsync<TCommand>(
        string code, ReviewTrigger trigger, TCommand command, IValidator<TCommand> validator,
        Func<TCommand, System.Security.Claims.ClaimsPrincipal, CancellationToken, Task<ReviewOutcome>> handle,
        string success, CancellationToken cancellationToken, string form = "action")
    {
        ActiveForm = form;
        // Who may ask is checked before the form is validated; a stale page whose action closed is a conflict.
        var preflight = await actions.PreflightAsync(User, code, trigger, cancellationToken);
        ReviewOutcome outcome;
        if (preflight is { Kind: ReviewOutcomeKind.Forbidden } && await actions.IsStaleAsync(code, PostedStamp, cancellationToken))
        {
            outcome = ReviewOutcome.Conflict;
        }
        else if (preflight is not null)
        {
            outcome = preflight;
        }
        else if (await validator.ValidateAsync(command, cancellationToken) is { IsValid: false } validation)
        {
            foreach (var failure in validation.Errors)
                ModelState.AddModelError($"Input.{InputField(failure.PropertyName)}", failure.ErrorMessage);
            outcome = new ReviewOutcome(ReviewOutcomeKind.Refused);
        }
        else
        {
            outcome = await handle(command, User, cancellationToken);
        }

        switch (outcome.Kind)
        {
            case ReviewOutcomeKind.Done:
                TempData[StatusMessages.Success] = success;
                return outcome.StillVisible ? RedirectToPage("/Review/Act", new { code }) : RedirectToPage("/Index");
            case ReviewOutcomeKind.NotFound:
                return NotFound();
            case ReviewOutcomeKind.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        var view = await LoadViewAsync(code, cancellationToken);
        if (view is null) return NotFound();
        View = view;
        if (outcome.Kind == ReviewOutcomeKind.Conflict)
        {
            ConflictMessage = outcome.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else if (outcome.Message is { } message && !view.Can(trigger))
        {
            // The action's form is no longer drawn (e.g. the project was terminated): say why at the top.
            ConflictMessage = message;
        }
        else if (outcome.Message is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }
        return Page();
    }
}
