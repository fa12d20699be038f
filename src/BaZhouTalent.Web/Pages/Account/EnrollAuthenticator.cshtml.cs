using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// 绑定身份验证器: the account's authenticator key as a QR code and as text; the first code the app shows proves it
/// holds the key, turns the second factor on and gives ten one-time recovery codes. Reached right after the password
/// by an account whose role requires a second factor and has none (held by Identity's two-factor cookie, signed in
/// only once the code is right), or from 账户安全 by anyone who chooses one.
/// </summary>
[AllowAnonymous]
public sealed class EnrollAuthenticatorModel(AppSignInManager signInManager, UserManager<AppUser> userManager, SecurityAudit audit) : PageModel
{
    /// <summary>The name authenticator apps list the account under.</summary>
    public const string Issuer = "巴中社科结项";
    public const int RecoveryCodeCount = 10;
    public const string RecoveryCodesKey = "RecoveryCodes";

    [BindProperty]
    [Display(Name = "验证码")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The key grouped for typing into an app by hand.</summary>
    public string SharedKey { get; private set; } = "";

    public string AccountName { get; private set; } = "";

    /// <summary>Held after the password: the account may not go on before enrolling.</summary>
    public bool Held { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await EnrollingAsync() is not { } user) return Elsewhere();
        await ShowAsync(user);
        return Page();
    }

    /// <summary>The QR code of the otpauth address, as a PNG; only for the account enrolling in this browser.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        if (await EnrollingAsync() is not { } user) return NotFound();
        var key = await KeyAsync(user);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorCodes.Uri(Issuer, user.UserName!, key), QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await EnrollingAsync() is not { } user) return Elsewhere();
        if (string.IsNullOrWhiteSpace(Code) || !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            ModelState.AddModelError(nameof(Code), string.IsNullOrWhiteSpace(Code)
                ? "请输入身份验证器显示的 6 位验证码"
                : "验证码不正确。请确认已扫描本页的二维码，且手机时间准确，再输入最新显示的验证码。");
            Code = null;
            await ShowAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync(SecurityEventKind.TwoFactorEnrolled, SecurityOutcome.Success, user.UserName!,
            $"绑定身份验证器，生成 {RecoveryCodeCount} 个恢复码", account: user.UserName, accountName: user.DisplayName);
        if (Held)
            await signInManager.CompleteEnrolmentAsync(user);
        else
            await signInManager.RefreshWithSecondFactorAsync(user);

        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("/Account/RecoveryCodes", new { ReturnUrl });
    }

    /// <summary>The account enrolling: signed in (by choice), or held after its password; never one already enrolled.</summary>
    private async Task<AppUser?> EnrollingAsync()
    {
        Held = User.Identity?.IsAuthenticated != true;
        var user = Held ? await signInManager.GetTwoFactorAuthenticationUserAsync() : await userManager.GetUserAsync(User);
        return user is { TwoFactorEnabled: false } ? user : null;
    }

    private IActionResult Elsewhere() => User.Identity?.IsAuthenticated == true
        ? RedirectToPage("/Account/Security")
        : RedirectToPage(IdentitySetup.LoginPath);

    private async Task ShowAsync(AppUser user)
    {
        SharedKey = AuthenticatorCodes.Readable(await KeyAsync(user));
        AccountName = user.UserName!;
    }

    /// <summary>The key being enrolled: made once, then the same on every visit until enrolment completes.</summary>
    private async Task<string> KeyAsync(AppUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key)) return key;
        await userManager.ResetAuthenticatorKeyAsync(user);
        // A new key rotates the security stamp: a signed-in account keeps this session.
        if (!Held) await signInManager.RefreshSignInAsync(user);
        return (await userManager.GetAuthenticatorKeyAsync(user))!;
    }
}
