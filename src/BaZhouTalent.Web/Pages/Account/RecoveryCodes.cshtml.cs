using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>恢复码: shown once, right after they were made (enrolment or renewal); never again.</summary>
public sealed class RecoveryCodesModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string ContinueUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet()
    {
        if (TempData[EnrollAuthenticatorModel.RecoveryCodesKey] is not string codes || codes.Length == 0)
            return RedirectToPage("/Account/Security");
        Codes = codes.Split(' ');
        return Page();
    }
}
