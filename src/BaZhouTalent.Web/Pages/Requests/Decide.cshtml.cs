using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Requests;

/// <summary>
/// The decision page of a request. <c>/requests/{id}</c> offers every action the user may take on it now as equal
/// choices, none preselected (the reviewers' lists link here); <c>/requests/{id}/{action}</c> (e.g. …/withdraw) names one
/// action of <see cref="ProjectRequestActions.All"/>, whose party may open it. 404 when the request is not the user's to
/// see, 403 when the named action is not theirs. Once decided, a reviewer returns to the list of requests waiting for them.
/// </summary>
public sealed class DecideModel(DecideRequest.Handler handler, Application.Abstractions.ICurrentUser currentUser) : PageModel
{
    public const string ChooseMessage = "请选择办理意见。";

    public DecideRequest.View View { get; private set; } = null!;

    /// <summary>The action the address names; null on the page that offers the choice.</summary>
    public ProjectRequestAction? Action { get; private set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    [BindProperty]
    public string Opinion { get; set; } = "";

    /// <summary>The chosen action's slug, posted from the choice.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>Why nothing can be done now (the request moved on, the project was terminated).</summary>
    public string? Refusal { get; private set; }

    /// <summary>What the form offers: the named action, or every action open to the user now.</summary>
    public IReadOnlyList<ProjectRequestAction> Choices => Action is { } named ? View.Available.Where(a => a == named).ToList() : View.Available;

    public bool CanAct => Choices.Count > 0;

    /// <summary>Whether the page asks for an opinion (a reviewer's decision; not the requester's withdrawal).</summary>
    public bool AsksOpinion => Choices.Any(a => a.Party != RequestParty.Requester);

    /// <summary>Where the user goes back to: a reviewer's list of waiting requests, else the project.</summary>
    public string ReturnUrl => ListOf(Choices.FirstOrDefault()?.Party ?? Action?.Party) ?? $"/projects/{Uri.EscapeDataString(View.Project.Code)}";

    public string ReturnText => ReturnUrl.StartsWith("/Requests/", StringComparison.Ordinal) ? "返回申请事项列表" : "返回项目情况";

    public async Task<IActionResult> OnGetAsync(int id, [FromRoute] string? decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, decision, cancellationToken) is { } other) return other;
        if (!CanAct)
            Refusal = ProjectLifecycle.RefusalFor(View.Project)
                ?? $"该申请当前为“{View.Request.Status.ToChinese()}”，{(Action is { } named ? $"不能执行“{named.Name}”" : "没有需要您办理的事项")}。";
        Stamp = View.Request.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromRoute] string? decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, decision, cancellationToken) is { } other) return other;
        var action = Action ?? ProjectRequestActions.BySlug(Decision);
        if (action is null)
        {
            ModelState.AddModelError(nameof(Decision), ChooseMessage);
            return Page();
        }
        if (!ProjectRequestActions.MayFire(action, RequestActor.Of(currentUser), View.Request.RequestedByUserId, View.Project.UnitId))
            return StatusCode(StatusCodes.Status403Forbidden);
        var result = await handler.HandleAsync(new DecideRequest.Command(id, action, Stamp, Opinion ?? ""), cancellationToken);
        switch (result.Outcome)
        {
            case DecideRequest.Outcome.Done:
                TempData[StatusMessages.Success] = action.Done;
                return Redirect(ListOf(action.Party) ?? $"/projects/{Uri.EscapeDataString(View.Project.Code)}");
            case DecideRequest.Outcome.NotFound:
                return NotFound();
            case DecideRequest.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        // Refused or stale: show the request as it is now, with what was typed and chosen.
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

    private static string? ListOf(RequestParty? party) => party switch
    {
        RequestParty.Unit => "/Requests/Unit",
        RequestParty.Federation => "/Requests/Federation",
        _ => null,
    };

    private async Task<IActionResult?> LoadAsync(int id, string? decision, CancellationToken cancellationToken)
    {
        ProjectRequestAction? action = null;
        if (decision is not null && (action = ProjectRequestActions.BySlug(decision)) is null) return NotFound();
        if (await handler.LoadAsync(id, cancellationToken) is not { } view) return NotFound();
        if (action is not null && !ProjectRequestActions.MayFire(action, RequestActor.Of(currentUser), view.Request.RequestedByUserId, view.Project.UnitId))
            return StatusCode(StatusCodes.Status403Forbidden);
        (View, Action) = (view, action);
        return null;
    }
}
