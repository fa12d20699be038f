using BaZhouTalent.Application.Applications;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>封面 (from the register, read-only, but the fill date) and 声明.</summary>
public sealed class CoverModel(
    FindApplication.Handler find, IAuthorizationService authorization,
    SaveCover.Handler handler, IValidator<SaveCover.Command> validator) : ApplicationPageModel(find, authorization)
{
    [BindProperty]
    public SaveCover.Command Input { get; set; } = new();

    public bool Dirty { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input = SaveCover.Command.From(Application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, bool next, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        // A draft is saved whatever its state; the messages tell what still needs fixing.
        var outcome = await handler.HandleAsync(Input, cancellationToken);
        Dirty = outcome != SaveOutcome.Saved;
        if (Unsaved(outcome, code) is { } unsaved) return unsaved;

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            await ReloadStampAsync(code, cancellationToken);
            ModelState.AddErrors(result, nameof(Input));
            ModelState.AddModelError("", SavedIncompleteMessage);
            return Page();
        }
        TempData[StatusMessages.Success] = "封面与声明已保存。";
        return next ? RedirectToPage("Changes", new { code }) : RedirectToPage(new { code });
    }

    // The save renewed the stamp; the re-rendered form must carry the new one or its next save would conflict.
    private async Task ReloadStampAsync(string code, CancellationToken cancellationToken)
    {
        await LoadForViewAsync(code, cancellationToken);
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.ConcurrencyStamp)}");
        Input.ConcurrencyStamp = Application.ConcurrencyStamp;
    }
}
