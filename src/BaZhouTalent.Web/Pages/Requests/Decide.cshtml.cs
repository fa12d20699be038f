using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Requests;

/// <summary>
/// One page per action on a request (/requests/{id}/approve, …/refuse, …): the address names an action of
/// <see cref="ProjectRequestActions.All"/>, whose party may open it. 404 when the request is not the user's to see,
/// 403 when the action is not theirs.
/// </summary>
public sealed class DecideModel(DecideRequest.Handler handler, Application.Abstractions.ICurrentUser currentUser) : PageModel
{
    public DecideRequest.View View { get; private set; } = null!;

    public ProjectRequestAction Action { get; private set; } = null!;

    [BindProperty]
    public Guid Stamp { get; set; }

    [BindProperty]
    public string Opinion { get; set; } = "";

    /// <summary>Why the action cannot be taken now (the request moved on, the project was terminated).</summary>
    public string? Refusal { get; private set; }

    public bool CanAct => View.Available.Contains(Action);

    public async Task<IActionResult> OnGetAsync(int id, string decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, decision, cancellationToken) is { } other) return other;
        if (!CanAct)
            Refusal = ProjectLifecycle.RefusalFor(View.Project) ?? $"该申请当前为“{View.Request.Status.ToChinese()}”，不能执行“{Action.Name}”。";
        Stamp = View.Request.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, decision, cancellationToken) is { } other) return other;
        var result = await handler.HandleAsync(new DecideRequest.Command(id, Action, Stamp, Opinion ?? ""), cancellationToken);
        switch (result.Outcome)
        {
            case DecideRequest.Outcome.Done:
                TempData[StatusMessages.Success] = Action.Done;
                return Redirect($"/projects/{Uri.EscapeDataString(View.Project.Code)}");
            case DecideRequest.Outcome.NotFound:
                return NotFound();
            case DecideRequest.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        // Refused or stale: show the request as it is now, with what was typed.
        if (await LoadAsync(id, decision, cancellationToken) is { } gone) return gone;
        ModelState.AddModelError(string.Empty, result.Message!);
        if (result.Outcome == DecideRequest.Outcome.Conflict)
        {
            ModelState.Remove(nameof(Stamp));
            Stamp = View.Request.ConcurrencyStamp;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, string decision, CancellationToken cancellationToken)
    {
        if (ProjectRequestActions.BySlug(decision) is not { } action) return NotFound();
        if (await handler.LoadAsync(id, cancellationToken) is not { } view) return NotFound();
        var actor = RequestActor.Of(currentUser);
        if (!ProjectRequestActions.MayFire(action, actor, view.Request.RequestedByUserId, view.Project.UnitId))
            return StatusCode(StatusCodes.Status403Forbidden);
        (View, Action) = (view, action);
        return null;
    }
}
