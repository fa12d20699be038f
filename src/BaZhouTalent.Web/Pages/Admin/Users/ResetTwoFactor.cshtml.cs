using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Users;

/// <summary>重置双因素认证: the federation confirms, for an account whose phone is lost or replaced.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ResetTwoFactorModel(ResetTwoFactor.Handler handler, UserManager<AppUser> userManager) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    /// <summary>已核实申请人身份: the federation resets a second factor only for the person it belongs to.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(string userName)
    {
        if (await userManager.FindByNameAsync(userName) is not { } account) return NotFound();
        Account = account;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName, CancellationToken cancellationToken)
    {
        if (await userManager.FindByNameAsync(userName) is not { } account) return NotFound();
        if (!Confirmed)
        {
            Account = account;
            ModelState.AddModelError(nameof(Confirmed), "请先核实申请人身份并勾选确认");
            return Page();
        }
        if (!await handler.HandleAsync(new ResetTwoFactor.Command(userName), User.Identity?.Name, cancellationToken))
            return NotFound();
        TempData[StatusMessages.Success] = $"账户“{userName}”的双因素认证已重置，其已登录的会话均已退出；下次登录时须重新绑定身份验证器（其角色要求时）。";
        return RedirectToPage("/Admin/Users");
    }
}
