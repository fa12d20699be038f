using System.ComponentModel.DataAnnotations;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Identity;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Account;

public sealed class ChangePasswordModel(
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
    SecurityAudit audit,
    IOptions<SecurityOptions> security,
    ILogger<ChangePasswordModel> log) : PageModel
{
    public const string Changed = "密码已修改，您在其他设备或浏览器上的登录已全部退出。";

    private static readonly InputValidator Validator = new();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>True when the account was created by staff and may do nothing else until the password is changed.</summary>
    public bool IsForced => User.HasClaim(AppClaims.MustChangePassword, "true");

    /// <summary>True when a staff password has aged past the maximum: nothing else until it is changed.</summary>
    public bool IsExpired => User.HasClaim(AppClaims.PasswordExpired, "true");

    public SecurityOptions Rules => security.Value;

    /// <summary>This account's password ages (a staff role).</summary>
    public bool Ages => security.Value.Passwords.Expires(User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await Validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation, nameof(Input));
            return Page();
        }

        var user = await userManager.GetUserAsync(User);
        if (user is null)
            return Challenge();
        // Read before the new sign-in replaces the request's user.
        var reason = IsForced ? "修改初始密码（首次登录或管理员重置后）" : IsExpired ? "密码到期后修改" : "本人修改密码";

        var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(FieldFor(error.Code), ChineseMessage(error));
            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await userManager.UpdateAsync(user);
        }
        // ChangePasswordAsync rotated the security stamp, which ends every other session of the account;
        // this session gets a new cookie carrying the new stamp (and without the must-change claim).
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAsync(SecurityEventKind.PasswordChanged, SecurityOutcome.Success, user.UserName!, reason);
        log.LogInformation("User {UserName} changed their password", user.UserName);

        TempData[StatusMessages.Success] = Changed;
        return RedirectToPage("/Index");
    }

    /// <summary>Our own words for Identity's codes, whichever error describer is configured.</summary>
    public static string ChineseMessage(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "密码至少 8 位",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码须同时包含字母和数字",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码须同时包含字母和数字",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密码须同时包含字母和数字",
        LetterPasswordValidator.ErrorCode => "密码须同时包含字母和数字",
        PasswordHistoryValidator.ErrorCode => error.Description,
        nameof(IdentityErrorDescriber.PasswordMismatch) => "当前密码不正确",
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => "账户信息已被修改，请重新操作",
        _ => string.IsNullOrWhiteSpace(error.Description) ? "修改密码失败，请稍后重试" : error.Description,
    };

    private static string FieldFor(string code) => code == nameof(IdentityErrorDescriber.PasswordMismatch)
        ? $"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}"
        : code.StartsWith("Password", StringComparison.Ordinal)
            ? $"{nameof(Input)}.{nameof(InputModel.NewPassword)}"
            : string.Empty;

    public sealed class InputModel
    {
        // Nullable so MVC adds no implicit (English) Required message; the validator below speaks Chinese.
        [Display(Name = "当前密码")]
        [DataType(DataType.Password)]
        public string? CurrentPassword { get; set; }

        [Display(Name = "新密码")]
        [DataType(DataType.Password)]
        public string? NewPassword { get; set; }

        [Display(Name = "确认新密码")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; set; }
    }

    /// <summary>Checks what the user can fix before asking Identity, which re-checks the password rules itself.</summary>
    private sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入当前密码");
            // Stop at the first failure: one message per field, and the later rules may assume a value.
            RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请输入新密码")
                .MinimumLength(8).WithMessage("密码至少 8 位")
                .Must(p => p!.Any(char.IsAsciiLetter) && p!.Any(char.IsAsciiDigit)).WithMessage("密码须同时包含字母和数字")
                .NotEqual(x => x.CurrentPassword).WithMessage("新密码不能与当前密码相同");
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请再次输入新密码")
                .Equal(x => x.NewPassword).WithMessage("两次输入的新密码不一致");
        }
    }
}
