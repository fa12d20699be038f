using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Experts;

/// <summary>新增 / 修改专家: one form for the pool entry; adding also opens the expert's account (without a password).</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class EditModel(SaveExpert.Handler handler, IValidator<SaveExpert.Command> validator) : PageModel
{
    [BindProperty]
    public SaveExpert.Command Input { get; set; } = new();

    public bool IsNew => Input.UserId is null;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null) return Page();
        var existing = await handler.LoadAsync(id, cancellationToken);
        if (existing is null) return NotFound();
        Input = existing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        Input.UserId = id;
        if (id is not null && await handler.LoadAsync(id, cancellationToken) is { } existing)
            Input.UserName = existing.UserName;
        else if (id is not null)
            return NotFound();

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        var saved = await handler.HandleAsync(Input, cancellationToken);
        if (!saved.Found) return NotFound();
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(SaveExpert.Command.UserName)}", error.Description);
            return Page();
        }
        TempData[StatusMessages.Success] = id is null
            ? $"已新增专家“{Input.DisplayName!.Trim()}”。请在“用户管理”中为账户“{Input.UserName!.Trim()}”重置密码以发放初始密码。"
            : $"已保存专家“{Input.DisplayName!.Trim()}”的信息。";
        return RedirectToPage("/Admin/Experts");
    }
}
