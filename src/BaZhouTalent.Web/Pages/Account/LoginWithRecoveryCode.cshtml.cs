using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>使用恢复码登录: one of the ten one-time codes given at enrolment, instead of the authenticator's code.</summary>
public sealed class LoginWithRecoveryCodeModel(AppSignInManager signInManager) : SecondStepPageModel(signInManager)
{
    protected override string MissingCode => "请输入一个恢复码";

    protected override string WrongCode => "恢复码不正确或已使用过。连续输错 5 次，账户将锁定 15 分钟。";

    public async Task<IActionResult> OnGetAsync() =>
        await SignIns.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage(IdentitySetup.LoginPath) : Page();

    protected override Task<SignInResult> SignInWithAsync(string code) => SignIns.TwoFactorRecoveryCodeSignInAsync(code);
}
