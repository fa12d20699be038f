using BaZhouTalent.Application.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using BaZhouTalent.Web.Infrastructure;

namespace BaZhouTalent.Web.Pages.Verify;

/// <summary>签署核验: anyone holding the printed form can check a verification code without signing in.</summary>
[AllowAnonymous]
[EnableRateLimiting(Throttling.VerifyPolicy)]
public sealed class IndexModel(VerifySignature.Handler handler) : PageModel
{
    public string? Code { get; private set; }

    public VerifySignature.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery(Name = "q")] string? query, CancellationToken cancellationToken)
    {
        Code = (code ?? query)?.Trim();
        if (string.IsNullOrEmpty(Code))
            return Page();
        Result = await handler.HandleAsync(new VerifySignature.Query(Code), cancellationToken);
        if (Result is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
