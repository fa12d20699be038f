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
public sealed class ExtendModel(RequestExtension.Handler handler, IValidator<RequestExtension.Command> validator)
    : ProjectFormPageModel<RequestExtension.Command>(validator)
{
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
        return await SubmitAsync(async () =>
        {
            var result = await handler.HandleAsync(code, Input, cancellationToken);
            return result.Outcome switch
            {
                RequestExtension.Outcome.NotFound => ProjectFormResult.NotFound,
                RequestExtension.Outcome.Requested => ProjectFormResult.Done("延期申请已提交，等待所在单位审核。"),
                _ => ProjectFormResult.Refused(result.Message!),
            };
        }, cancellationToken);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not { } project) return false;
        Project = project;
        LatestAllowed = handler.LatestAllowed(project);
        return true;
    }
}
