using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Units;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Units;

/// <summary>单位更名与调整所属区域: two small forms for one unit; a move is refused while its applications are in review.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class EditModel(ListUnits.Handler units) : PageModel
{
    [BindProperty]
    public RenameUnit.Command Rename { get; set; } = new();

    [BindProperty]
    public MoveUnit.Command Move { get; set; } = new();

    public string UnitName { get; private set; } = "";

    public string RegionName { get; private set; } = "";

    public IReadOnlyList<ListUnits.RegionChoice> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, fillForms: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(int id, [FromServices] RenameUnit.Handler handler,
        [FromServices] IValidator<RenameUnit.Command> validator, CancellationToken cancellationToken)
    {
        Rename.Id = id;
        var result = await validator.ValidateAsync(Rename, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Rename));
            return await LoadAsync(id, fillForms: false, cancellationToken) ? Page() : NotFound();
        }
        if (!await handler.HandleAsync(Rename, cancellationToken)) return NotFound();
        TempData[StatusMessages.Success] = $"单位已更名为“{Rename.Name!.Trim()}”。";
        return RedirectToPage("/Admin/Units");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, [FromServices] MoveUnit.Handler handler,
        [FromServices] IValidator<MoveUnit.Command> validator, CancellationToken cancellationToken)
    {
        Move.Id = id;
        var result = await validator.ValidateAsync(Move, cancellationToken);
        if (result.IsValid)
        {
            var outcome = await handler.HandleAsync(Move, cancellationToken);
            if (!outcome.Found) return NotFound();
            if (outcome.Succeeded)
            {
                TempData[StatusMessages.Success] = "单位所属区域已调整，此后的结项申请按新的路径报送。";
                return RedirectToPage("/Admin/Units");
            }
            ModelState.AddModelError($"{nameof(Move)}.{nameof(MoveUnit.Command.RegionId)}", outcome.Refusal!);
        }
        else
        {
            ModelState.AddErrors(result, nameof(Move));
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, fillForms: false, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, bool fillForms, CancellationToken cancellationToken)
    {
        var unit = await units.FindAsync(id, cancellationToken);
        if (unit is null) return false;
        UnitName = unit.Name;
        RegionName = unit.RegionName;
        Regions = await units.RegionsAsync(cancellationToken);
        if (fillForms)
        {
            Rename.Name = unit.Name;
            Move.RegionId = unit.RegionId;
        }
        return true;
    }
}
