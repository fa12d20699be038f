using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>专家库: the expert pool, searchable and paged; add, edit, import, disable or enable.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ExpertsModel(ListExperts.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int? PageNumber { get; set; }

    public Paged<ListExperts.Row> Rows { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListExperts.Query(new ListRequest(Page: PageNumber ?? 1, Search: Search)), cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disabled, [FromServices] SetExpertDisabled.Handler toggle, CancellationToken cancellationToken)
    {
        if (!await toggle.HandleAsync(new SetExpertDisabled.Command(id, disabled), cancellationToken)) return NotFound();
        TempData[StatusMessages.Success] = disabled ? "专家已停用，受理时不再推荐，也不能分配。" : "专家已启用。";
        return RedirectToPage(new { q = Search, p = PageNumber });
    }
}
