using System.Net.Mime;
using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;
using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BaZhouTalent.Web.Pages.Print;

/// <summary>结项证书 PDF of a concluded application, for the city federation, the leader and the unit; 404 for anyone else.</summary>
[EnableRateLimiting(Throttling.PdfPolicy)]
public sealed class CertificateModel(GetCertificate.Handler handler, IOptions<TypesettingOptions> typesetting, IOptions<PortalOptions> portal) : PageModel
{
    public string ProjectCode { get; private set; } = "";

    public IReadOnlyList<MissingCharacter> Missing { get; private set; } = [];

    /// <summary>Why the certificate is not issued yet (结项公示), when that is the answer.</summary>
    public string? Withheld { get; private set; }

    public async Task<IActionResult> OnGetAsync(string projectCode, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetCertificate.Query(projectCode, portal.Value.BaseUrl), User, cancellationToken);
        if (result is null) return NotFound();
        if (result.Model is not { } model)
        {
            // 结项公示 still running, an objection standing, or one upheld: the certificate is not issued (yet).
            ProjectCode = projectCode;
            Withheld = result.Announcement.Text;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        ProjectCode = model.ProjectCode;
        var document = new CertificateDocument(model, typesetting.Value);
        Missing = document.MissingCharacters;
        if (Missing.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(Certificate.FileName(model.ProjectCode));
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store";
        return File(document.Render(), MediaTypeNames.Application.Pdf);
    }
}
