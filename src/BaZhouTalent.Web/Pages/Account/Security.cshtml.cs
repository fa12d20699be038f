using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Identity;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// 账户安全: the signed-in account's second factor (bound or not, recovery codes left, new codes, turning it off where
/// the role does not require it) and when its password must next be changed.
/// </summary>
public sealed class SecurityModel(
    AppSignInManager signInManager, UserManager<AppUser> userManager, SecurityAudit audit, IOptions<SecurityOptions> security, TimeProvider clock)
    : PageModel
{
    public bool Enrolled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Days until the password must be changed, or null when this account's password does not age.</summary>
    public int? PasswordDaysLeft { get; private set; }

    public SecurityOptions Rules => security.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user) return Challenge();
        Enrolled = user.TwoFactorEnabled;
        Required = await signInManager.RequiresSecondFactorAsync(user);
        RecoveryCodesLeft = Enrolled ? await userManager.CountRecoveryCodesAsync(user) : 0;
        PasswordDaysLeft = PasswordAge.DaysLeft(user.PasswordChangedAt, await userManager.GetRolesAsync(user), security.Value, clock);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await userManager.GetUserAsync(User) is not { TwoFactorEnabled: true } user) return RedirectToPage();
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, EnrollAuthenticatorModel.RecoveryCodeCount);
        await audit.RecordAsync(SecurityEventKind.RecoveryCodesRenewed, SecurityOutcome.Success, user.UserName!,
            $"重新生成 {EnrollAuthenticatorModel.RecoveryCodeCount} 个恢复码，原恢复码作废");
        TempData[EnrollAuthenticatorModel.RecoveryCodesKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("/Account/RecoveryCodes");
    }

    /// <summary>Only where no role of the account requires a second factor.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await userManager.GetUserAsync(User) is not { TwoFactorEnabled: true } user) return RedirectToPage();
        if (await signInManager.RequiresSecondFactorAsync(user))
            return StatusCode(StatusCodes.Status403Forbidden);
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordAsync(SecurityEventKind.TwoFactorDisabled, SecurityOutcome.Success, user.UserName!, "本人关闭双因素认证");
        await signInManager.RefreshSignInAsync(user);
        TempData[StatusMessages.Success] = "已关闭双因素认证，原身份验证器和恢复码均已作废。";
        return RedirectToPage();
    }
}
