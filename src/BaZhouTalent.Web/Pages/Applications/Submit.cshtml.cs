using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>检查并提交: everything still missing, linked to its field; the change record; preview; submit.</summary>
public sealed class SubmitModel(
    FindApplication.Handler find, IAuthorizationService authorization,
    SubmitApplication.Validator validator, SubmitApplication.Handler handler) : ApplicationPageModel(find, authorization)
{
    [BindProperty]
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<SubmitApplication.Problem> Problems { get; private set; } = [];

    public ApplicationView View { get; private set; } = null!;

    /// <summary>Said before the researcher tries: submission is closed today (结项批次), or the project was terminated.</summary>
    public string? ClosedNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        await DescribeAsync(cancellationToken);
        ClosedNotice = BaZhouTalent.Application.Projects.ProjectLifecycle.RefusalFor(Application.Project)
            ?? await handler.WindowRefusalAsync(cancellationToken);
        return Page();
    }

    /// <summary>The post goes straight to the commit path, which decides 404, conflict and 403 itself.</summary>
    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new SubmitApplication.Command(code, ConcurrencyStamp), User, cancellationToken);
        switch (result.Outcome)
        {
            case SubmitApplication.Outcome.Submitted:
                TempData[StatusMessages.Success] = "结项申请已提交，等待所在单位审核。";
                return RedirectToPage("Details", new { code });
            case SubmitApplication.Outcome.NotFound:
                return NotFound();
            case SubmitApplication.Outcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case SubmitApplication.Outcome.Conflict:
                // A double click or another window: once submitted, the researcher reads it on the application page.
                if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
                ModelState.AddModelError("", "提交失败：申请书在您打开此页后又被修改过。请核对下方内容后再次提交。");
                break;
            case SubmitApplication.Outcome.Refused:
                // Outside every closure window, or the project terminated: nothing was changed, the draft stays.
                if (await LoadForEditAsync(code, cancellationToken) is { } closed) return closed;
                ModelState.AddModelError("", result.Message!);
                break;
            default:
                if (await LoadForEditAsync(code, cancellationToken) is { } notEditable) return notEditable;
                break;
        }
        await DescribeAsync(cancellationToken);
        return Page();
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        Problems = await validator.ProblemsAsync(Application, cancellationToken);
        View = ApplicationView.From(Application, DisclosurePolicy.For(User, Application));
        ModelState.Remove(nameof(ConcurrencyStamp));
        ConcurrencyStamp = Application.ConcurrencyStamp;
    }

    public static string PageOf(SubmitApplication.Section section) => section switch
    {
        SubmitApplication.Section.Cover => "Cover",
        SubmitApplication.Section.Changes => "Changes",
        SubmitApplication.Section.Attachments => "Attachments",
        _ => "Report",
    };

    public static string SectionName(SubmitApplication.Section section) => section switch
    {
        SubmitApplication.Section.Cover => "封面与声明",
        SubmitApplication.Section.Changes => "项目变更情况",
        SubmitApplication.Section.Attachments => "附件",
        _ => "最终成果",
    };

    /// <summary>The id the section page gives the field's input (“Leader.Phone” → “Input_Leader_Phone”).</summary>
    public static string FieldId(string field) => TagBuilder.CreateSanitizedId("Input." + field, "_");
}
