using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>申请延期: the project's leader asks for a later completion date with a reason; refused asks keep what was typed.</summary>
[Authorize(Roles = Roles.Researcher)]
public sealed class ExtendModel(RequestExtension.Handler handler, IValidator<RequestExtension.Command> validator) : PageModel
{
    [BindProperty]
    public RequestExtension.Command Input { get; set; } = new();

    public FundedProject Project { get; private set; } = null!;

    /// <summary>Why the leader cannot ask now; the form is not offered.</summary>
    public string? Refusal { get; private set; }

    public DateOnly LatestAllowed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        Refusal = handler.RefusalBeforeAsking(Project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Input));
            return Page();
        }
        var result = await handler.HandleAsync(code, Input, cancellationToken);
        switch (result.Outcome)
        {
            case RequestExtension.Outcome.NotFound:
                return NotFound();
            case RequestExtension.Outcome.Requested:
                TempData[StatusMessages.Success] = "延期申请已提交，等待所在单位审核。";
                return Redirect($"/projects/{Uri.EscapeDataString(code)}");
        }
        ModelState.AddModelError(string.Empty, result.Message!);
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not { } project) return false;
        Project = project;
        LatestAllowed = handler.LatestAllowed(project);
        return true;
    }
}
