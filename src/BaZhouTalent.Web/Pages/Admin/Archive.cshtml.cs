using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BaZhouTalent.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>归档: download one project's archive by 立项编号, or a funding year's.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
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
        var file = TemporaryZip();
        if (code.Length == 0 || !await handler.ProjectAsync(code, BaseUrl, User, file, cancellationToken))
        {
            await file.DisposeAsync();
            Message = $"未找到立项编号“{Code}”已提交的结项申请。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await RecordAsync(code, cancellationToken);
        return Zip(file, BuildArchive.ProjectFileName(code));
    }

    public async Task<IActionResult> OnGetYearAsync(CancellationToken cancellationToken)
    {
        var year = Year ?? DefaultYear;
        var file = TemporaryZip();
        await handler.YearAsync(year, BaseUrl, User, file, cancellationToken);
        await RecordAsync($"{year} 年度", cancellationToken);
        return Zip(file, BuildArchive.YearFileName(year));
    }

    private Task RecordAsync(string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(SecurityEventKind.ArchiveDownloaded, SecurityOutcome.Success, $"归档包 {what}",
            "含个人信息（申请书全文、附件）", cancellationToken: cancellationToken);

    private string BaseUrl => portal.Value.BaseUrl;

    // The zip is written to a temporary file (ZipArchive writes synchronously) and deleted when the response is sent.
    private static FileStream TemporaryZip() => new(Path.Combine(Path.GetTempPath(), $"bazhoutalent-archive-{Guid.NewGuid():N}.zip"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private FileStreamResult Zip(FileStream file, string fileName)
    {
        file.Position = 0;
        Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(file, BuildArchive.ContentType);
    }
}
