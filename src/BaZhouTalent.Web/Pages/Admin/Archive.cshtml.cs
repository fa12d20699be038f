using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using BaZhouTalent.Web.Infrastructure;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>
/// 归档: download one project's archive by 立项编号, or a funding year's, each zip written to the response as it is
/// made. A download renders PDFs, so it waits its turn with them (the PDF limiter; beyond its queue the Chinese 429).
/// </summary>
[Authorize(Roles = Roles.MunicipalFederation)]
[EnableRateLimiting(Throttling.PdfPolicy)]
[LimitedHandlers("Project", "Year")]
public sealed class ArchiveModel(BuildArchive.Handler handler, TimeProvider clock, IOptions<PortalOptions> portal, SecurityAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public int DefaultYear => CertificateNumbers.YearOf(clock.GetUtcNow());

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetProjectAsync(CancellationToken cancellationToken)
    {
        var code = Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0 || !await handler.ProjectAsync(code, BaseUrl, User, () => StartZip(BuildArchive.ProjectFileName(code)), cancellationToken))
        {
            Message = $"未找到立项编号“{Code}”已提交的结项申请。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await RecordAsync(code, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The year's zip written to the response as each application's files are made (memory holds one application).</summary>
    public async Task<IActionResult> OnGetYearAsync(CancellationToken cancellationToken)
    {
        var year = Year ?? DefaultYear;
        await RecordAsync($"{year} 年度", cancellationToken);
        await handler.YearAsync(year, BaseUrl, User, StartZip(BuildArchive.YearFileName(year)), cancellationToken);
        return new EmptyResult();
    }

    private Task RecordAsync(string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(SecurityEventKind.ArchiveDownloaded, SecurityOutcome.Success, $"归档包 {what}",
            "含个人信息（申请书全文、附件）", cancellationToken: cancellationToken);

    private string BaseUrl => portal.Value.BaseUrl;

    /// <summary>The response as a zip download: its headers set, its body the stream the archive is written to as it is made.</summary>
    private Stream StartZip(string fileName) => Downloads.Start(Response, BuildArchive.ContentType, fileName);
}
