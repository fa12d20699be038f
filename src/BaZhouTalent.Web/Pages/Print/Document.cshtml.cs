using System.Net.Mime;
using BaZhouTalent.Application.Printing;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BaZhouTalent.Web.Pages.Print;

/// <summary>
/// The printed application as PDF, served inline with a Chinese file name: the A4 form, the A3 booklet for
/// the paper submission, or the final report alone. A character no font covers is listed instead of printed blank.
/// </summary>
[EnableRateLimiting(Throttling.PdfPolicy)]
public sealed class DocumentModel(GetPrintModel.Handler printModels, IOptions<TypesettingOptions> typesetting, IOptions<PortalOptions> portal) : PageModel
{
    private static readonly Dictionary<string, (string Title, Func<ApplicationPrintModel, TypesettingOptions, byte[]> Render)> Documents = new()
    {
        ["a4"] = ("结项申请书", PrintService.RenderA4),
        ["a3-booklet"] = ("结项申请书-A3双面对折", PrintService.RenderA3Booklet),
        ["report"] = ("最终成果", PrintService.RenderReport),
    };

    public string ProjectCode { get; private set; } = "";

    public IReadOnlyList<MissingCharacter> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string projectCode, string document, CancellationToken cancellationToken)
    {
        if (!Documents.TryGetValue(document, out var kind)) return NotFound();
        var print = await printModels.HandleAsync(projectCode, User, cancellationToken);
        if (print is null) return NotFound();

        ProjectCode = print.ProjectCode;
        Missing = PrintService.FindMissingCharacters(print.Model, typesetting.Value);
        if (Missing.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var pdf = kind.Render(print.Model with { VerifyAddress = portal.Value.VerifyAddress }, typesetting.Value);
        var fileName = $"{print.ProjectCode}-{kind.Title}{(print.Blind ? "-盲审" : "")}.pdf";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName); // filename* carries the Chinese name, filename an ASCII fallback
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(pdf, MediaTypeNames.Application.Pdf);
    }
}
