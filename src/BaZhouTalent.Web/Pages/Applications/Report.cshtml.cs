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
    ImportReportDocument.Handler import, IOptions<ReportUploadOptions> uploadOptions,
    ReportVersions.Handler versions, KeepImportedReport.Handler originals) : ApplicationPageModel(find, authorization)
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

    /// <summary>The previous texts of the report, newest first, each restorable.</summary>
    public IReadOnlyList<ReportVersions.Version> Versions { get; private set; } = [];

    /// <summary>An imported text waiting for the researcher to confirm that it may replace the current one.</summary>
    public string? PendingImport { get; private set; }

    /// <summary>The .docx the report was last imported from, kept for 归档; null when it was never imported.</summary>
    public ImportedReport? KeptOriginal { get; private set; }

    public ReportOutline CurrentOutline => ReportOutline.From(Application.ReportText);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input = SaveReport.Command.From(Application);
        await DescribeAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, bool next, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        Input.Classified = Classified;
        Input.ReportText ??= "";
        if (Classified && !string.IsNullOrWhiteSpace(Input.ReportText))
            return await RefuseAsync(nameof(Input) + "." + nameof(Input.ReportText), SaveReport.ClassifiedMessage);
        return await SaveAsync(code, next, "最终成果已保存。", cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        Input.Classified = Classified;
        Input.ReportText ??= "";
        if (Classified)
            return await RefuseAsync(nameof(Document), SaveReport.ClassifiedMessage);
        if (Document is null || Document.Length == 0)
            return await RefuseAsync(nameof(Document), "请先选择要导入的 Word（.docx）文档。");

        await using var stream = Document.OpenReadStream();
        var result = import.Handle(new ImportReportDocument.Command(stream, Document.Length));
        if (!result.Succeeded)
            return await RefuseAsync(nameof(Document), result.Error!);

        ModelState.Remove($"{nameof(Input)}.{nameof(Input.ReportText)}");
        await originals.StageAsync(Application.Id, Document.FileName, result.Document!, cancellationToken);
        var imported = SaveReport.Normalize(result.ReportText);
        if (Application.ReportText.Length > 0 && imported != Application.ReportText)
        {
            // Replacing a report is asked first, with the new outline beside the old one; nothing is saved yet.
            PendingImport = imported;
            Input = SaveReport.Command.From(Application);
            await DescribeAsync(cancellationToken);
            return Page();
        }
        Input.ReportText = imported;
        Input.ReplacedBy = ReportVersions.ByImport;
        return await SaveAsync(code, next: false, "已导入 Word 文档并保存。请核对下方的结构预览。", cancellationToken, keepImportedFile: true);
    }

    /// <summary>The researcher saw the outlines and confirmed: the imported text replaces the report, the old one is kept.</summary>
    public async Task<IActionResult> OnPostConfirmImportAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input.ProjectCode = code;
        Input.Classified = Classified;
        Input.ReportText ??= "";
        Input.ReplacedBy = ReportVersions.ByImport;
        if (Classified)
            return await RefuseAsync(nameof(Document), SaveReport.ClassifiedMessage);
        return await SaveAsync(code, next: false, "已导入 Word 文档并保存，原文本已存入历史版本。请核对下方的结构预览。", cancellationToken,
            keepImportedFile: true);
    }

    /// <summary>Brings back a kept version; the text it replaces is kept in turn.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string code, int version, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        var chosen = (await versions.ListAsync(Application.Id, cancellationToken)).FirstOrDefault(v => v.Id == version);
        if (chosen is null) return NotFound();
        Input.ProjectCode = code;
        Input.Classified = Classified;
        Input.ReportText = chosen.Text;
        Input.ReplacedBy = ReportVersions.ByRestore;
        if (Classified)
            return await RefuseAsync(nameof(Document), SaveReport.ClassifiedMessage);
        return await SaveAsync(code, next: false,
            $"已恢复 {ChinaTime.Format(chosen.ReplacedAt)} 被替换的版本，原文本已存入历史版本。", cancellationToken);
    }

    /// <param name="keepImportedFile">the text saved is an import's: once saved, its staged .docx becomes the kept original</param>
    private async Task<IActionResult> SaveAsync(string code, bool next, string message, CancellationToken cancellationToken, bool keepImportedFile = false)
    {
        if (await RefuseOverLongAsync(validator, Input, cancellationToken))
        {
            Dirty = true;
            await DescribeAsync(cancellationToken);
            return Page();
        }

        var outcome = await handler.HandleAsync(Input, cancellationToken);
        Dirty = outcome != SaveOutcome.Saved;
        if (keepImportedFile && outcome == SaveOutcome.Saved) await originals.ConfirmAsync(Application.Id, cancellationToken);
        await DescribeAsync(cancellationToken);
        if (Unsaved(outcome, code) is { } unsaved) return unsaved;

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            await LoadForViewAsync(code, cancellationToken);
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.ConcurrencyStamp)}");
            Input.ConcurrencyStamp = Application.ConcurrencyStamp;
            ModelState.AddErrors(result, nameof(Input));
            ModelState.AddModelError("", SavedIncompleteMessage);
            return Page();
        }
        TempData[StatusMessages.Success] = message;
        return next ? RedirectToPage("Attachments", new { code }) : RedirectToPage(new { code });
    }

    /// <summary>Nothing is saved; the page comes back with everything typed and the message by the field.</summary>
    private async Task<PageResult> RefuseAsync(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Dirty = !string.IsNullOrWhiteSpace(Input.ReportText) && Input.ReportText != Application.ReportText;
        await DescribeAsync(default);
        return Page();
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        var text = PendingImport ?? Input.ReportText ?? "";
        Outline = ReportOutline.From(text);
        BlindWarnings = DisclosedApplication.ReportWarnings(Application, text);
        Versions = await versions.ListAsync(Application.Id, cancellationToken);
        KeptOriginal = await originals.KeptAsync(Application.Id, cancellationToken);
    }
}
