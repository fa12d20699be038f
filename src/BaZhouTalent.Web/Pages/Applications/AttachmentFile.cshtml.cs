using BaZhouTalent.Application.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>
/// One attachment, always as a download (never shown inline, never sniffed), with the type it was recognised
/// as. 404 for whoever the disclosure policy does not list it for: an expert asking for a file that is not
/// blind-safe learns nothing, not even that it exists.
/// </summary>
public sealed class AttachmentFileModel(GetAttachmentFile.Handler files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken cancellationToken)
    {
        var result = await files.HandleAsync(new GetAttachmentFile.Query(code, id), User, cancellationToken);
        if (result.Outcome == GetAttachmentFile.Outcome.NotFound) return NotFound();
        if (result.File is not { } file)
        {
            // The row is there but the bytes are gone or changed: say so, never serve them.
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName); // filename* carries the Chinese name, filename an ASCII fallback
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType);
    }
}
