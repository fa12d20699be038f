using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>
/// 附件: the researcher uploads supporting files with their kind and whether experts may read them, sees the
/// list, and removes files not yet submitted. A refused file comes back with the reason and the choices kept.
/// </summary>
public sealed class AttachmentsModel(
    FindApplication.Handler find, IAuthorizationService authorization,
    UploadAttachment.Handler upload, DeleteAttachment.Handler delete,
    IOptions<AttachmentOptions> options) : ApplicationPageModel(find, authorization)
{
    public AttachmentOptions Limits => options.Value;

    public sealed class UploadInput
    {
        public AttachmentKind? Kind { get; set; }
        public bool BlindSafe { get; set; }
    }

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<DisclosedAttachment> Files { get; private set; } = [];

    public static IReadOnlyList<AttachmentKind> Kinds { get; } = Enum.GetValues<AttachmentKind>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        ModelState.Clear();
        if (Input.Kind is not { } kind)
            return Refuse(nameof(Input) + "." + nameof(Input.Kind), "请选择附件类别。");
        if (Upload is null || Upload.Length == 0)
            return Refuse(nameof(Upload), Upload is null ? "请选择要上传的文件。" : $"“{UploadAttachment.CleanFileName(Upload.FileName)}”未上传：文件是空的，请重新选择。");

        await using var stream = Upload.OpenReadStream();
        var result = await upload.HandleAsync(
            new UploadAttachment.Command(code, kind, Input.BlindSafe, Upload.FileName, stream, Upload.Length), cancellationToken);
        switch (result.Outcome)
        {
            case UploadAttachment.Outcome.Uploaded:
                TempData[StatusMessages.Success] = $"已上传“{result.Attachment!.FileName}”（{kind.ToChinese()}{(Input.BlindSafe ? "，可供盲审" : "")}）。";
                return RedirectToPage(new { code });
            case UploadAttachment.Outcome.Refused:
                return Refuse(nameof(Upload), result.Refusal!);
            case UploadAttachment.Outcome.NotEditable:
                TempData[NoticeKey] = NotEditableMessage;
                return RedirectToPage("Details", new { code });
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        var name = Application.Attachments.FirstOrDefault(a => a.Id == id)?.FileName;
        switch (await delete.HandleAsync(new DeleteAttachment.Command(code, id), cancellationToken))
        {
            case DeleteAttachment.Outcome.Deleted:
                TempData[StatusMessages.Success] = $"已删除“{name}”。";
                return RedirectToPage(new { code });
            case DeleteAttachment.Outcome.Frozen:
                ModelState.AddModelError("", DeleteAttachment.FrozenMessage);
                Describe();
                return Page();
            case DeleteAttachment.Outcome.NotEditable:
                TempData[NoticeKey] = NotEditableMessage;
                return RedirectToPage("Details", new { code });
            default:
                return NotFound();
        }
    }

    /// <summary>Nothing is stored; the page comes back with the kind and the blind-safe choice as they were.</summary>
    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Describe();
        return Page();
    }

    private void Describe() =>
        Files = DisclosedApplication.Build(Application, DisclosurePolicy.For(User, Application)).Attachments;
}
