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
    GetRegisterChoices.Handler choices, IValidator<CorrectProject.Command> validator, CorrectProject.Handler handler)
    : ProjectFormPageModel<CorrectProject.Command>(validator)
{
    public GetRegisterChoices.Result Choices { get; private set; } = new([], [], []);

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
        return await SubmitAsync(async () =>
        {
            var result = await handler.HandleAsync(code, Input, cancellationToken);
            return result.Outcome switch
            {
                CorrectProject.Outcome.NotFound => ProjectFormResult.NotFound,
                CorrectProject.Outcome.Corrected => ProjectFormResult.Done($"项目 {project.Code} 的登记已更正。"),
                _ => ProjectFormResult.Refused(result.Message!),
            };
        }, cancellationToken, invalidSummary: "登记尚未更正，请按提示修改后重新提交。");
    }

    /// <summary>The unit and category choices, and blank 参与人员 rows up to the register's number.</summary>
    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Choices = await choices.HandleAsync(new GetRegisterChoices.Query(), cancellationToken);
        while (Input.Participants.Count < CreateModel.ParticipantRows)
            Input.Participants.Add(new ParticipantInput());
    }
}
