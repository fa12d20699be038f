using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using BaZhouTalent.Web.Infrastructure;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>结项公示: the year's concluded projects with their grades and certificate numbers, as a page and as .xlsx.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
[EnableRateLimiting(Throttling.ExportPolicy)]
[LimitedHandlers("Xlsx")]
public sealed class AnnouncementsModel(ListAnnouncement.Handler handler, TimeProvider clock, SecurityAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int? PageNumber { get; set; }

    public int SelectedYear => Year ?? CertificateNumbers.YearOf(clock.GetUtcNow());

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DateOnly Today => Application.Common.ChinaTime.Today(clock);

    public Paged<ListAnnouncement.Row> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await handler.YearsAsync(cancellationToken);
        Rows = await handler.HandleAsync(new ListAnnouncement.Query(SelectedYear, new ListRequest(Page: PageNumber ?? 1)), cancellationToken);
    }

    /// <summary>The year's list as .xlsx, written to the response as its rows are read; recorded before its first byte.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        // A list made to be published: recorded like every export, with what personal information it names.
        await audit.RecordAsync(SecurityEventKind.Export, SecurityOutcome.Success, $"结项公示 Excel {SelectedYear} 年",
            "含个人信息（项目负责人姓名、所在单位），供公示使用", cancellationToken: cancellationToken);
        var body = Downloads.Start(Response, ListAnnouncement.ContentType, ListAnnouncement.FileName(SelectedYear));
        await handler.WriteWorkbookAsync(SelectedYear, body, cancellationToken);
        return new EmptyResult();
    }
}
