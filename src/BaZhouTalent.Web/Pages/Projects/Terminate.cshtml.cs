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
    IOptions<ClosureLifecycleOptions> options) : ProjectFormPageModel<TerminateProject.Command>(validator)
{
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
        return await SubmitAsync(async () =>
        {
            var result = await handler.HandleAsync(code, Input, cancellationToken);
            return result.Outcome switch
            {
                TerminateProject.Outcome.NotFound => ProjectFormResult.NotFound,
                TerminateProject.Outcome.Terminated => ProjectFormResult.Done("项目已终止，不能再办理结项。"),
                _ => ProjectFormResult.Refused(result.Message!),
            };
        }, cancellationToken);
    }
}
