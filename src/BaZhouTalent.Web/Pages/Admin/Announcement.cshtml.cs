using BaZhouTalent.Application.Announcements;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>结项公示 of one concluded project: its period, the objections received (登记异议) and their outcome (处理异议).</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class AnnouncementModel(GetAnnouncement.Handler handler) : ListPageModel
{
    [BindProperty]
    public RecordObjection.Command Objection { get; set; } = new();

    [BindProperty]
    public DecideObjection.Command Decision { get; set; } = new();

    public GetAnnouncement.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } notFound) return notFound;
        Objection.ReceivedOn ??= View.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(string code, [FromServices] RecordObjection.Handler record,
        [FromServices] IValidator<RecordObjection.Command> validator, CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors();
        var validation = await validator.ValidateAsync(Objection, cancellationToken);
        if (validation.IsValid && ModelState.IsValid)
        {
            var result = await record.HandleAsync(code, Objection, cancellationToken);
            if (result.Outcome == RecordObjection.Outcome.NotFound) return NotFound();
            if (result.Outcome == RecordObjection.Outcome.Recorded)
            {
                TempData[StatusMessages.Success] = "异议已登记。异议处理完毕前不颁发结项证书。";
                return RedirectToPage(new { code });
            }
            ModelState.AddModelError("", result.Message!);
        }
        else
        {
            ModelState.AddErrors(validation, nameof(Objection));
        }
        return await LoadAsync(code, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(string code, [FromServices] DecideObjection.Handler decide,
        [FromServices] IValidator<DecideObjection.Command> validator, CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors();
        var validation = await validator.ValidateAsync(Decision, cancellationToken);
        if (validation.IsValid && ModelState.IsValid)
        {
            var result = await decide.HandleAsync(code, Decision, cancellationToken);
            if (result.Outcome == DecideObjection.Outcome.NotFound) return NotFound();
            if (result.Outcome == DecideObjection.Outcome.Decided)
            {
                TempData[StatusMessages.Success] = Decision.Upheld == true ? "已认定异议成立，本项目不颁发结项证书。" : "已认定异议不成立。";
                return RedirectToPage(new { code });
            }
            ModelState.AddModelError("", result.Message!);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            ModelState.AddErrors(validation, nameof(Decision));
        }
        return await LoadAsync(code, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(code, Listing, cancellationToken) is not { } view) return NotFound();
        View = view;
        return null;
    }
}
