using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signInManager, ILogger<LoginModel> log) : PageModel
{
    /// <summary>
    /// The one answer for an unknown user, a wrong password and a locked account, so the page tells nobody
    /// which accounts exist or are locked (the sign-in manager makes them take as long, too).
    /// </summary>
    public const string WrongCredentials = "用户名或密码错误。连续输错 5 次，账户将锁定 15 分钟。";
    public const string NotAllowed = "该账户暂不能登录，请联系市社科联";

    private static readonly InputValidator Validator = new();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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
