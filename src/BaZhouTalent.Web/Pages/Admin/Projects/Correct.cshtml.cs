using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Projects;

/// <summary>更正登记: the city federation corrects a registered project with a reason; refused while its application is signed.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class CorrectModel(
    GetRegisterChoices.Handler choices, IValidator<CorrectProject.Command> validator, CorrectProject.Handler handler) : PageModel
{
    [BindProperty]
    public CorrectProject.Command Input { get; set; } = new();

    public FundedProject Project { get; private set; } = null!;

    public GetRegisterChoices.Result Choices { get; private set; } = new([], [], []);

    /// <summary>Why the entry cannot be corrected now; the form is not offered.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not var (project, account)) return NotFound();
        Project = project;
        Refusal = CorrectProject.Refusal(project);
        Input = CorrectProject.Prefill(project, account);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not var (project, _)) return NotFound();
        Project = project;
        Input.Participants ??= [];
        Input.Code = project.Code;
        ModelState.ReplaceBindingErrors();
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Input));
            ModelState.AddModelError("", "登记尚未更正，请按提示修改后重新提交。");
            await PrepareAsync(cancellationToken);
            return Page();
        }
        var result = await handler.HandleAsync(code, Input, cancellationToken);
        switch (result.Outcome)
        {
            case CorrectProject.Outcome.NotFound:
                return NotFound();
            case CorrectProject.Outcome.Corrected:
                TempData[StatusMessages.Success] = $"项目 {project.Code} 的登记已更正。";
                return Redirect($"/projects/{Uri.EscapeDataString(project.Code)}");
        }
        ModelState.AddModelError("", result.Message!);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Choices = await choices.HandleAsync(new GetRegisterChoices.Query(), cancellationToken);
        while (Input.Participants.Count < CreateModel.ParticipantRows)
            Input.Participants.Add(new ParticipantInput());
    }
}
