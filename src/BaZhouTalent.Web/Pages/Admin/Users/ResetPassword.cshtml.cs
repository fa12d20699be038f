using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Users;

/// <summary>重置密码: the federation confirms and types a new initial password for one account.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ResetPasswordModel(
    ResetPassword.Handler handler, IValidator<ResetPassword.Command> validator, UserManager<AppUser> userManager) : PageModel
{
    [BindProperty]
    public ResetPassword.Command Input { get; set; } = new();

    public AppUser Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string userName) =>
        await LoadAsync(userName) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string userName, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(userName)) return NotFound();
        Input.UserName = Account.UserName;

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (result.IsValid)
        {
            var outcome = await handler.HandleAsync(Input, User.Identity?.Name, cancellationToken);
            if (outcome is null) return NotFound();
            result = outcome;
        }
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }

        TempData[StatusMessages.Success] = $"账户“{Account.UserName}”的密码已重置，其已登录的会话均已退出；下次登录时须修改密码。";
        return RedirectToPage("/Admin/Users");
    }

    private async Task<bool> LoadAsync(string userName)
    {
        var account = await userManager.FindByNameAsync(userName);
        if (account is null) return false;
        Account = account;
        return true;
    }
}
