using BaZhouTalent.Application.Backups;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>备份记录: when the last backup was taken and how it ended, then every earlier one.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class BackupsModel(ListBackupRuns.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int? PageNumber { get; set; }

    public Paged<ListBackupRuns.Row> Runs { get; private set; } = null!;

    /// <summary>The newest backup, shown on top whatever page is open.</summary>
    public ListBackupRuns.Row? Last { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Runs = await handler.HandleAsync(new ListRequest(Page: PageNumber ?? 1), cancellationToken);
        Last = Runs.Page == 1 ? Runs.Rows.FirstOrDefault() : (await handler.HandleAsync(new ListRequest(Page: 1), cancellationToken)).Rows.FirstOrDefault();
    }
}
