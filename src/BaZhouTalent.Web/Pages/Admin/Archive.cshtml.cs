using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Web.Infrastructure;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>
/// 归档: one project's archive downloaded by 立项编号 (written to the response as it is made, waiting its turn with the
/// PDFs: the PDF limiter; beyond its queue the Chinese 429), and a funding year's prepared in the background
/// (<see cref="StartYearArchive"/>): the jobs listed with their progress, the page refreshing itself while one is under
/// way, and each finished zip downloaded from the archive folder (range requests served, every download audited).
/// </summary>
[Authorize(Roles = Roles.MunicipalFederation)]
[EnableRateLimiting(Throttling.PdfPolicy)]
[LimitedHandlers("Project")]
public sealed class ArchiveModel(
    BuildArchive.Handler handler,
    ListYearArchives.Handler jobs,
    TimeProvider clock,
    IOptions<PortalOptions> portal,
    IOptions<YearArchiveOptions> archives,
    SecurityAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty]
    public StartYearArchive.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int? PageNumber { get; set; }

    public ListYearArchives.Result Jobs { get; private set; } = null!;

    public int DefaultYear => CertificateNumbers.YearOf(clock.GetUtcNow());

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetProjectAsync(CancellationToken cancellationToken)
    {
        var code = Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0 || !await handler.ProjectAsync(code, portal.Value.BaseUrl, User, () => StartZip(BuildArchive.ProjectFileName(code)), cancellationToken))
        {
            Message = $"未找到立项编号“{Code}”已提交的结项申请。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            await LoadAsync(cancellationToken);
            return Page();
        }
        await RecordAsync(code, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>生成年度归档包: queued for the background worker; a second start while one is under way shows that one.</summary>
    public async Task<IActionResult> OnPostStartAsync([FromServices] StartYearArchive.Handler start,
        [FromServices] IValidator<StartYearArchive.Command> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }
        var year = Input.Year!.Value;
        var outcome = await start.HandleAsync(Input, cancellationToken);
        if (outcome.Result == StartYearArchive.Result.Empty)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Year)}", $"{year} 年度立项的项目中没有已结项或不予结项的申请，无需归档。");
            await LoadAsync(cancellationToken);
            return Page();
        }
        TempData[StatusMessages.Success] = outcome.Result == StartYearArchive.Result.Started
            ? $"已开始生成 {year} 年度归档包，进度见下表；完成后可在表中下载。"
            : $"{year} 年度归档包已在生成中，进度见下表，无需重复发起。";
        return RedirectToPage();
    }

    /// <summary>A finished year's zip from the archive folder; 404 for a job with none (unfinished, failed or replaced).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        if (await jobs.DownloadAsync(id, cancellationToken) is not { } file) return NotFound();
        var path = Path.Combine(archives.Value.Directory!, file.FileName);
        if (!System.IO.File.Exists(path)) return NotFound();
        await RecordAsync($"{file.Year} 年度（SHA-256 {file.Sha256}）", cancellationToken);
        return new PhysicalFileResult(path, BuildArchive.ContentType) { FileDownloadName = BuildArchive.YearFileName(file.Year), EnableRangeProcessing = true };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Input.Year ??= DefaultYear;
        Jobs = await jobs.HandleAsync(new ListRequest(Page: PageNumber ?? 1, PageSize: 10), cancellationToken);
    }

    private Task RecordAsync(string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(SecurityEventKind.ArchiveDownloaded, SecurityOutcome.Success, $"归档包 {what}",
            "含个人信息（申请书全文、附件）", cancellationToken: cancellationToken);

    /// <summary>The response as a zip download: its headers set, its body the stream the archive is written to as it is made.</summary>
    private Stream StartZip(string fileName) => Downloads.Start(Response, BuildArchive.ContentType, fileName);

    public static string StatusName(ListYearArchives.Row row) => row.Status switch
    {
        YearArchiveStatus.Queued => "排队中",
        YearArchiveStatus.Running => "生成中",
        YearArchiveStatus.Succeeded => row.FileName is null ? "已被新的归档包替换" : "已完成",
        _ => "失败",
    };

    public static string Size(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.00} GB" : $"{bytes / 1048576.0:0.0} MB";
}
