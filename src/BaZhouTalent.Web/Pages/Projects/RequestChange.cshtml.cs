using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Projects;

/// <summary>
/// 申请项目变更: the project's leader asks to change the leader, members, title, unit or output form, with a reason. The form
/// starts from what the project has now; a refused ask keeps what was typed.
/// </summary>
[Authorize(Roles = Roles.Researcher)]
public sealed class RequestChangeModel(
    RequestChange.Handler handler, IValidator<RequestChange.Command> validator, GetRegisterChoices.Handler choices)
    : ProjectFormPageModel<RequestChange.Command>(validator)
{
    /// <summary>参与人员 rows offered: the current members and some blank rows.</summary>
    public const int BlankMemberRows = 3;

    public RequestChange.Current Now { get; private set; } = null!;

    public IReadOnlyList<GetRegisterChoices.UnitChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        Refusal = RequestChange.Handler.RefusalBeforeAsking(Project);
        Input = RequestChange.Handler.Prefill(Project);
        await PrepareAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        Input.Members ??= [];
        return await SubmitAsync(async () =>
        {
            var result = await handler.HandleAsync(code, Input, cancellationToken);
            return result.Outcome switch
            {
                RequestChange.Outcome.NotFound => ProjectFormResult.NotFound,
                RequestChange.Outcome.Requested => ProjectFormResult.Done("项目变更申请已提交，等待所在单位审核。"),
                _ => ProjectFormResult.Refused(result.Message!),
            };
        }, cancellationToken);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(code, cancellationToken) is not { } project) return false;
        Project = project;
        Now = RequestChange.Handler.CurrentOf(project);
        Units = (await choices.HandleAsync(new GetRegisterChoices.Query(), cancellationToken)).Units;
        return true;
    }

    /// <summary>Blank 参与人员 rows after the typed ones.</summary>
    protected override Task PrepareAsync(CancellationToken cancellationToken)
    {
        var target = Input.Members.Count(m => !m.IsBlank) + BlankMemberRows;
        while (Input.Members.Count < target)
            Input.Members.Add(new ParticipantInput());
        return Task.CompletedTask;
    }

    public bool Checked(ProjectChangeItem item) => Input.Changes(item);
}
