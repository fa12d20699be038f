using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>终止项目（撤项）: the city federation ends a project with a ground from the configured list and a reason.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class TerminateModel(TerminateProject.Handler handler, IValidator<TerminateProject.Command> validator,
    IOptions<ClosureLifecycleOptions> options) : PageModel
{
    [BindProperty]
    public TerminateProject.Command Input { get; set; } = new();

    public FundedProject Project { get; private set; } = null!;

    public IReadOnlyList<string> Grounds => options.Value.Termination.Grounds;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not { } project) return NotFound();
        Project = project;
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
            case TerminateProject.Outcome.NotFound:
                return NotFound();
            case TerminateProject.Outcome.Terminated:
                TempData[StatusMessages.Success] = "项目已终止，不能再办理结项。";
                return Redirect($"/projects/{Uri.EscapeDataString(code)}");
        }
        ModelState.AddModelError(string.Empty, result.Message!);
        return Page();
    }
}
