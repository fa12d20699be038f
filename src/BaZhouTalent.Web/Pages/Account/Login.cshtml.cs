using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signInManager, IOptions<SecurityOptions> security, ILogger<LoginModel> log) : PageModel
{
    /// <summary>
    /// The one answer for an unknown user, a wrong password and a locked account, so the page tells nobody
    /// which accounts exist or are locked (the sign-in manager makes them take as long, too). The reason is
    /// written to the security audit instead.
    /// </summary>
    public const string WrongCredentials = "用户名或密码错误。连续输错 5 次，账户将锁定 15 分钟。";
    public const string NotAllowed = "该账户暂不能登录，请联系市社科联";

    private static readonly InputValidator Validator = new();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the previous session ended (<see cref="SessionEnd"/>), said above the form.</summary>
    [BindProperty(SupportsGet = true, Name = IdentitySetup.EndedKey)]
    public string? Ended { get; set; }

    public string? EndedMessage => Ended switch
    {
        SessionEnd.Idle => $"您已超过 {security.Value.Sessions.IdleTimeoutMinutes} 分钟未操作，为保护账户安全已自动退出，请重新登录。",
        SessionEnd.Lifetime => $"本次登录已超过 {security.Value.Sessions.AbsoluteHours} 小时，为保护账户安全已自动退出，请重新登录。",
        SessionEnd.Replaced => "您的账户已在其他地方登录，本次登录已结束。如非本人操作，请立即修改密码并联系市社科联。",
        SessionEnd.SecondFactor => "您的账户须使用身份验证器进行双因素认证，请重新登录。",
        SessionEnd.Revoked => "登录状态已失效（密码已修改或重置、账户已在别处退出或被停用），请重新登录。",
        _ => null,
    };

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await Validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Input));
            return Page();
        }

        var userName = Input.UserName!.Trim();
        var result = await signInManager.PasswordSignInAsync(userName, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserName} signed in", userName);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage(IdentitySetup.SecondFactorPath, new { ReturnUrl = SafeReturnUrl });

        // Not-allowed comes only after the right password, so saying it reveals nothing to a stranger.
        var message = result.IsNotAllowed ? NotAllowed : WrongCredentials;
        log.LogWarning("Sign-in refused for {UserName}: {Reason}", userName,
            result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong credentials");
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    /// <summary>Only a path on this site: an absolute ReturnUrl would let a link send users elsewhere after signing in.</summary>
    private string SafeReturnUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class InputModel
    {
        // Nullable so MVC adds no implicit (English) Required message; the validator below speaks Chinese.
        [Display(Name = "用户名")]
        public string? UserName { get; set; }

        [Display(Name = "密码")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }

    private sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("请输入用户名");
            RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码");
        }
    }
}
