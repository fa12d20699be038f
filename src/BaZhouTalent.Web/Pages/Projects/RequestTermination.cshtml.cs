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
public sealed class RequestTerminationModel(RequestTermination.Handler handler, IValidator<RequestTermination.Command> validator)
    : ProjectFormPageModel<RequestTermination.Command>(validator)
{
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
        return await SubmitAsync(async () =>
        {
            var result = await handler.HandleAsync(code, Input, cancellationToken);
            return result.Outcome switch
            {
                RequestTermination.Outcome.NotFound => ProjectFormResult.NotFound,
                RequestTermination.Outcome.Requested => ProjectFormResult.Done("撤项申请已报送市社科联审批。"),
                _ => ProjectFormResult.Refused(result.Message!),
            };
        }, cancellationToken);
    }
}
