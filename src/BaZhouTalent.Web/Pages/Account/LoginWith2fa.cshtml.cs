using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// 双因素认证, the second step of signing in: the 6-digit code the account's authenticator app shows. Reached only with
/// Identity's short-lived two-factor cookie that the right password leaves; an account that must enrol goes to enrolment.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(AppSignInManager signInManager) : PageModel
{
    public const string WrongCode = "验证码不正确或已使用过。连续输错 5 次，账户将锁定 15 分钟。";

    [BindProperty]
    [Display(Name = "动态验证码")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage(IdentitySetup.LoginPath);
        return await signInManager.MustEnrolAsync(user) ? RedirectToPage(IdentitySetup.EnrolPath, new { ReturnUrl }) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage(IdentitySetup.LoginPath);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "请输入身份验证器显示的 6 位验证码");
            return Page();
        }
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(Code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(string.Empty, result.IsNotAllowed ? LoginModel.NotAllowed : WrongCode);
        Code = null;
        return Page();
    }
}
