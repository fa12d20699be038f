using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Units;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>单位管理: units with the region that decides their review route; add a unit, and disable or enable one.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class UnitsModel(ListUnits.Handler handler) : PageModel
{
    [BindProperty]
    public AddUnit.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListLinks.PageKey)]
    public int? PageNumber { get; set; }

    public Paged<ListUnits.Row> Rows { get; private set; } = null!;

    public IReadOnlyList<ListUnits.RegionChoice> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(
        [FromServices] AddUnit.Handler add, [FromServices] IValidator<AddUnit.Command> validator, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }
        await add.HandleAsync(Input, cancellationToken);
        TempData[StatusMessages.Success] = $"已新增单位“{Input.Name!.Trim()}”。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, bool disabled, [FromServices] SetUnitDisabled.Handler toggle, CancellationToken cancellationToken)
    {
        if (!await toggle.HandleAsync(new SetUnitDisabled.Command(id, disabled), cancellationToken)) return NotFound();
        TempData[StatusMessages.Success] = disabled ? "单位已停用，登记项目和新建账户时不再列出。" : "单位已启用。";
        return RedirectToPage(new { q = Search, p = PageNumber });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await handler.HandleAsync(new ListUnits.Query(new ListRequest(Page: PageNumber ?? 1, Search: Search)), cancellationToken);
        Regions = await handler.RegionsAsync(cancellationToken);
    }
}
