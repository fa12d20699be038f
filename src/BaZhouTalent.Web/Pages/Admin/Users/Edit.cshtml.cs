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

/// <summary>编辑资料: the federation records an account's 姓名 and 职务, which its signatures print.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class EditModel(
    EditAccountProfile.Handler handler, IValidator<EditAccountProfile.Command> validator, UserManager<AppUser> userManager) : PageModel
{
    [BindProperty]
    public EditAccountProfile.Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string userName)
    {
        var account = await userManager.FindByNameAsync(userName);
        if (account is null) return NotFound();
        Input = new EditAccountProfile.Command
        {
            UserName = account.UserName, DisplayName = account.DisplayName, RealName = account.RealName, Post = account.Post, Email = account.Email,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName, CancellationToken cancellationToken)
    {
        Input.UserName = userName;
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        if (!await handler.HandleAsync(Input, User.Identity?.Name)) return NotFound();
        TempData[StatusMessages.Success] = $"账户“{userName}”的资料已保存。";
        return RedirectToPage("/Admin/Users");
    }
}
