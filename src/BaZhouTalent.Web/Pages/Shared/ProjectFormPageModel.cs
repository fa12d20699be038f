using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// A form about one funded project (申请延期, 申请撤项, 终止项目, 申请项目变更, 更正登记). On POST the typed input is validated and
/// the use case run; then the user goes to 项目情况 with the success message, or sees the page again with the refusal and
/// everything typed kept.
/// </summary>
public abstract class ProjectFormPageModel<TCommand>(IValidator<TCommand> validator) : PageModel where TCommand : class, new()
{
    [BindProperty]
    public TCommand Input { get; set; } = new();

    public FundedProject Project { get; protected set; } = null!;

    /// <summary>Why the form cannot be used now; it is not offered.</summary>
    public string? Refusal { get; protected set; }

    /// <summary>Readies what the page shows besides the input (choices, blank rows) before it is shown again.</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Validates the input and runs <paramref name="perform"/>; <see cref="Project"/> is loaded by the caller.</summary>
    /// <param name="invalidSummary">A line above the form when the input is invalid, or null.</param>
    protected async Task<IActionResult> SubmitAsync(Func<Task<ProjectFormResult>> perform, CancellationToken cancellationToken,
        string? invalidSummary = null)
    {
        ModelState.ReplaceBindingErrors();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Input));
            if (invalidSummary is not null) ModelState.AddModelError(string.Empty, invalidSummary);
            return await PageAgainAsync(cancellationToken);
        }
        var result = await perform();
        if (result.IsNotFound) return NotFound();
        if (result.Success is { } success)
        {
            TempData[StatusMessages.Success] = success;
            return Redirect($"/projects/{Uri.EscapeDataString(Project.Code)}");
        }
        ModelState.AddModelError(string.Empty, result.Refusal!);
        return await PageAgainAsync(cancellationToken);
    }

    private async Task<IActionResult> PageAgainAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        return Page();
    }
}

/// <summary>What a project form's use case answered, in the page's terms.</summary>
public sealed record ProjectFormResult(bool IsNotFound, string? Success, string? Refusal)
{
    public static ProjectFormResult NotFound { get; } = new(true, null, null);

    public static ProjectFormResult Done(string success) => new(false, success, null);

    public static ProjectFormResult Refused(string refusal) => new(false, null, refusal);
}
