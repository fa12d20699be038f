using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Projects;

/// <summary>登记项目: one funded project entered by hand, the “原” side of its change table.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class CreateModel(
    GetRegisterChoices.Handler choices, RegisterProject.Validator validator, RegisterProject.Handler handler) : PageModel
{
    /// <summary>Blank 参与人员 rows offered; the applications of the register rarely list more.</summary>
    public const int ParticipantRows = 6;

    [BindProperty]
    public RegisterProject.Command Input { get; set; } = new();

    public GetRegisterChoices.Result Choices { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await choices.HandleAsync(new GetRegisterChoices.Query(), cancellationToken);
        PadParticipants();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Participants ??= [];
        ModelState.ReplaceBindingErrors();

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid || !ModelState.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            ModelState.AddModelError("", "项目尚未登记，请按提示修改后重新提交。");
            Choices = await choices.HandleAsync(new GetRegisterChoices.Query(), cancellationToken);
            PadParticipants();
            return Page();
        }

        if (await handler.HandleAsync(Input, cancellationToken) is not { } code)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", RegisterProject.RegisteredMeanwhileMessage);
            Choices = await choices.HandleAsync(new GetRegisterChoices.Query(), cancellationToken);
            PadParticipants();
            return Page();
        }
        TempData[StatusMessages.Success] = $"项目 {code} 已登记。";
        return RedirectToPage("/Admin/Projects");
    }

    private void PadParticipants()
    {
        while (Input.Participants.Count < ParticipantRows)
            Input.Participants.Add(new ParticipantInput());
    }
}
