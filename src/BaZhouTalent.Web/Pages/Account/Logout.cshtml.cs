using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// Signing out happens on POST only (with the antiforgery token), so a link planted elsewhere cannot sign
/// users out. A GET shows a confirmation button instead. Anonymous is allowed so an expired session can still finish here.
/// Signing out rotates the account's security stamp, so a copy of the cookie (taken from this browser or
/// left on another computer) stops working too. It is recorded in the security audit.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signInManager, SecurityAudit audit, ILogger<LogoutModel> log) : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            log.LogInformation("User {UserName} signed out", User.Identity.Name);
            if (await signInManager.UserManager.GetUserAsync(User) is { } user)
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(SecurityEventKind.SignOut, SecurityOutcome.Success, User.Identity.Name ?? "", "主动退出");
            await signInManager.SignOutAsync();
        }
        return RedirectToPage("/Account/Login");
    }
}
