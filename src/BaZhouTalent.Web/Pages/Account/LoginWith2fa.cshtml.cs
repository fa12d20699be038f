using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// 双因素认证, the second step of signing in: the 6-digit code the account's authenticator app shows. An account that
/// must enrol first goes to enrolment.
/// </summary>
public sealed class LoginWith2faModel(AppSignInManager signInManager) : SecondStepPageModel(signInManager)
{
    public const string Wrong = "验证码不正确或已使用过。连续输错 5 次，账户将锁定 15 分钟。";

    protected override string MissingCode => "请输入身份验证器显示的 6 位验证码";

    protected override string WrongCode => Wrong;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await SignIns.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage(IdentitySetup.LoginPath);
        return await SignIns.MustEnrolAsync(user) ? RedirectToPage(IdentitySetup.EnrolPath, new { ReturnUrl }) : Page();
    }

    protected override Task<SignInResult> SignInWithAsync(string code) =>
        SignIns.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
}
