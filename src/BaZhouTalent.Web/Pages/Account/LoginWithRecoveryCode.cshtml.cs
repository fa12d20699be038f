using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>使用恢复码登录: one of the ten one-time codes given at enrolment, instead of the authenticator's code.</summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(AppSignInManager signInManager) : PageModel
{
    public const string WrongCode = "恢复码不正确或已使用过。连续输错 5 次，账户将锁定 15 分钟。";

    [BindProperty]
    [Display(Name = "恢复码")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage(IdentitySetup.LoginPath) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage(IdentitySetup.LoginPath);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请输入一个恢复码");
            return Page();
        }
        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(Code);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(string.Empty, result.IsNotAllowed ? LoginModel.NotAllowed : WrongCode);
        Code = null;
        return Page();
    }
}
