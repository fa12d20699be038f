using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>申请撤项: a reviewer of the project's unit asks the city federation to terminate the project.</summary>
[Authorize(Roles = Roles.UnitReviewer)]
public sealed class RequestTerminationModel(RequestTermination.Handler handler, IValidator<RequestTermination.Command> validator) : PageModel
{
    [BindProperty]
    public RequestTermination.Command Input { get; set; } = new();

    public FundedProject Project { get; private set; } = null!;

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not { } project) return NotFound();
        Project = project;
        Refusal = RequestTermination.Handler.RefusalBeforeAsking(project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not { } project) return NotFound();
        Project = project;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Input));
            return Page();
        }
        var result = await handler.HandleAsync(code, Input, cancellationToken);
        switch (result.Outcome)
        {
            case RequestTermination.Outcome.NotFound:
                return NotFound();
            case RequestTermination.Outcome.Requested:
                TempData[StatusMessages.Success] = "撤项申请已报送市社科联审批。";
                return Redirect($"/projects/{Uri.EscapeDataString(code)}");
        }
        ModelState.AddModelError(string.Empty, result.Message!);
        return Page();
    }
}
