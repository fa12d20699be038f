using BaZhouTalent.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Account;

/// <summary>
/// The page's session clock (wwwroot/js/session-timeout.js): GET answers the seconds left before the idle timeout
/// without renewing it (<see cref="AppSecurityStampValidator.ProbePath"/>); 继续使用 (handler KeepAlive) is a request
/// like any other and renews it. Signed out, both answer the redirect to the sign-in page.
/// </summary>
public sealed class SessionModel(TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var ticket = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var left = ticket.Properties?.ExpiresUtc is { } expires ? Math.Max(0, (int)(expires - clock.GetUtcNow()).TotalSeconds) : 0;
        return new JsonResult(new { seconds = left });
    }

    public IActionResult OnGetKeepAlive() => new NoContentResult();
}
