using BaZhouTalent.Application.Programme;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>总览: the chosen year's programme at a glance, each chart with its figures in a table beneath.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class DashboardModel(GetDashboard.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public GetDashboard.Result Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await handler.HandleAsync(Year, cancellationToken);
}
