using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>最终成果: paste the text or import a .docx, and see the outline the typesetter will follow.</summary>
public sealed class ReportModel(
    FindApplication.Handler find, IAuthorizationService authorization,
    SaveReport.Handler handler, IValidator<SaveReport.Command> validator,
    ImportReportDocument.Handler import, IOptions<ReportUploadOptions> uploadOptions) : ApplicationPageModel(find, authorization)
{
    public long MaxMegabytes => uploadOptions.Value.MaxFileBytes / (1024 * 1024);

    [BindProperty]
    public SaveReport.Command Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Document { get; set; }

    public bool Dirty { get; private set; }

    public bool Classified => Application.Classified == true;

    public ReportOutline Outline { get; private set; } = ReportOutline.From("");

    public IReadOnlyList<string> BlindWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input = SaveReport.Command.From(Application);
        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, bool next, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        Input.Classified = Classified;
        Input.ReportText ??= "";
        if (Classified && !string.IsNullOrWhiteSpace(Input.ReportText))
            return Refuse(nameof(Input) + "." + nameof(Input.ReportText), SaveReport.ClassifiedMessage);
        return await SaveAsync(code, next, "最终成果已保存。", cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        Input.Classified = Classified;
        Input.ReportText ??= "";
        if (Classified)
            return Refuse(nameof(Document), SaveReport.ClassifiedMessage);
        if (Document is null || Document.Length == 0)
            return Refuse(nameof(Document), "请先选择要导入的 Word（.docx）文档。");

        await using var stream = Document.OpenReadStream();
        var result = import.Handle(new ImportReportDocument.Command(stream, Document.Length));
        if (!result.Succeeded)
            return Refuse(nameof(Document), result.Error!);

        // The imported text replaces the pasted one, and is saved at once like any draft.
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.ReportText)}");
        Input.ReportText = result.ReportText!;
        return await SaveAsync(code, next: false, "已导入 Word 文档并保存。请核对下方的结构预览。", cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string code, bool next, string message, CancellationToken cancellationToken)
    {
        if (await RefuseOverLongAsync(validator, Input, cancellationToken))
        {
            Dirty = true;
            Describe();
            return Page();
        }

        var outcome = await handler.HandleAsync(Input, cancellationToken);
        Dirty = outcome != SaveOutcome.Saved;
        Describe();
        if (Unsaved(outcome, code) is { } unsaved) return unsaved;

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            await LoadForViewAsync(code, cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.ConcurrencyStamp)}");
            Input.ConcurrencyStamp = Application.ConcurrencyStamp;
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        TempData[StatusMessages.Success] = message;
        return next ? RedirectToPage("Submit", new { code }) : RedirectToPage(new { code });
    }

    /// <summary>Nothing is saved; the page comes back with everything typed and the message by the field.</summary>
    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Dirty = !string.IsNullOrWhiteSpace(Input.ReportText) && Input.ReportText != Application.ReportText;
        Describe();
        return Page();
    }

    private void Describe()
    {
        var text = Input.ReportText ?? "";
        Outline = ReportOutline.From(text);
        BlindWarnings = DisclosedApplication.ReportWarnings(Application, text);
    }
}
