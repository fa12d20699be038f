using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>操作日志: who did what and when among the staff actions, newest first, paged, filterable by action.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class AuditModel(ListStaffAudit.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int? PageNumber { get; set; }

    public Paged<ListStaffAudit.Row> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListStaffAudit.Query(new ListRequest(Page: PageNumber ?? 1), ActionFilter), cancellationToken);
}
