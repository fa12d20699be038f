using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// The second step of a sign-in held after the password (Identity's short-lived two-factor cookie): one code, checked
/// by the sign-in manager, which counts a wrong one towards lockout and records the outcome. Without a sign-in in
/// progress the page sends to the first step.
/// </summary>
[AllowAnonymous]
public abstract class SecondStepPageModel(AppSignInManager signInManager) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected AppSignInManager SignIns => signInManager;

    /// <summary>What to say when nothing was typed.</summary>
    protected abstract string MissingCode { get; }

    /// <summary>What to say when the code was not accepted (never why).</summary>
    protected abstract string WrongCode { get; }

    protected abstract Task<SignInResult> SignInWithAsync(string code);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage(IdentitySetup.LoginPath);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), MissingCode);
            return Page();
        }
        var result = await SignInWithAsync(Code);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(string.Empty, result.IsNotAllowed ? LoginModel.NotAllowed : WrongCode);
        Code = null;
        return Page();
    }
}
