using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Security;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>
/// What every page of one application does first: load it by 立项编号, answer 404 to anyone who may not
/// see it, and send a researcher whose application is no longer editable back to the read-only view.
/// </summary>
public abstract class ApplicationPageModel(FindApplication.Handler find, IAuthorizationService authorization) : PageModel
{
    public const string NoticeKey = "ApplicationNotice";
    public const string NotEditableMessage = "申请书已提交，进入审核流程后不能再修改。";
    /// <summary>A draft is saved as typed; what must change before submission (a missing value, a character no font has) is listed.</summary>
    public const string SavedIncompleteMessage = "草稿已保存，但以下内容还需完善后才能提交。";
    public const string TooLongMessage = "未保存：有内容超过了长度上限。您填写的内容仍保留在下方，请按提示删减后再保存。";
    public const string ConflictMessage = "保存失败：此申请书已在其他页面或窗口中被修改。您填写的内容仍保留在下方，请复制留存后刷新页面，核对后重新填写保存。";

    public ClosureApplication Application { get; private set; } = null!;

    public string ProjectCode => Application.Project.Code;

    /// <summary>Loads the application for reading; null when it may be shown, otherwise the 404 to return.</summary>
    protected async Task<IActionResult?> LoadForViewAsync(string code, CancellationToken cancellationToken)
    {
        var application = await find.HandleAsync(new FindApplication.Query(code), cancellationToken);
        if (application is null || !await IsAllowedAsync(application, ApplicationOperations.View))
            return NotFound();
        Application = application;
        return null;
    }

    /// <summary>Loads the application for editing: 404 when it may not be seen, back to the details when it may not be changed.</summary>
    protected async Task<IActionResult?> LoadForEditAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForViewAsync(code, cancellationToken) is { } notFound) return notFound;
        if (await IsAllowedAsync(Application, ApplicationOperations.Edit)) return null;
        // A terminated project is closed everywhere: every edit, read or posted, is answered with the termination.
        TempData[NoticeKey] = ProjectLifecycle.RefusalFor(Application.Project) ?? NotEditableMessage;
        return RedirectToPage("Details", new { code });
    }

    /// <summary>
    /// Refuses a draft with a value longer than its field holds: nothing is saved (never a cut copy) and the
    /// page comes back with everything typed and the message by the field. True when refused.
    /// </summary>
    protected async Task<bool> RefuseOverLongAsync<T>(IValidator<T> validator, T input, CancellationToken cancellationToken)
    {
        var tooLong = (await validator.ValidateAsync(input, cancellationToken)).Errors.Where(FieldRules.IsTooLong).ToList();
        if (tooLong.Count == 0) return false;
        ModelState.AddErrors(new ValidationResult(tooLong), "Input");
        ModelState.AddModelError("", TooLongMessage);
        return true;
    }

    protected async Task<bool> IsAllowedAsync(ClosureApplication application, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, application, operation)).Succeeded;

    /// <summary>The answer to a save that did not go through, or null when it was saved.</summary>
    protected IActionResult? Unsaved(SaveOutcome outcome, string code)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved:
                return null;
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.NotEditable:
                TempData[NoticeKey] = ProjectLifecycle.RefusalFor(Application.Project) ?? NotEditableMessage;
                return RedirectToPage("Details", new { code });
            default:
                ModelState.AddModelError("", ConflictMessage);
                return Page();
        }
    }
}

/// <summary>The section steps above each edit page: which application, which step is current, and whether it asks for
/// 免于鉴定 (then 结项方式 is a step of its own).</summary>
public sealed record SectionNav(string Code, string Current, bool Exemption)
{
    public static SectionNav Of(ClosureApplication application, string current) =>
        new(application.Project.Code, current, application.ExemptionRequested || current == "exemption");
}
