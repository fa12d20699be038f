using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Accounts;

/// <summary>Rules shared by the account use cases: which role needs which scope, and the password rules.</summary>
public static class AccountRules
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 50;
    public const int RealNameMaxLength = 50;
    public const int PostMaxLength = 50;
    public const int PasswordMinLength = 8;

    /// <summary>Roles that act for a unit (所在单位): the researcher, the unit's reviewer, the expert.</summary>
    public static bool NeedsUnit(string? role) =>
        role is Roles.Researcher or Roles.UnitReviewer or Roles.Expert;

    /// <summary>姓名 (required, printed on signature lines) and 职务 (optional), as the create and edit forms check them.</summary>
    public static void RealNameAndPost<T>(AbstractValidator<T> validator, Func<T, string?> realName, Func<T, string?> post)
    {
        validator.RuleFor(x => realName(x)).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请输入姓名")
            .MaximumLength(RealNameMaxLength).WithMessage($"姓名不超过 {RealNameMaxLength} 个字")
            .Printable("姓名")
            .OverridePropertyName("RealName");
        validator.RuleFor(x => post(x))
            .MaximumLength(PostMaxLength).WithMessage($"职务不超过 {PostMaxLength} 个字")
            .Printable("职务")
            .OverridePropertyName("Post");
    }

    /// <summary>A role, and the scope it needs (an enabled unit, or a county), as the create and role forms check them.</summary>
    public static void RoleAndScope<T>(AbstractValidator<T> validator, Abstractions.IAppDbContext db,
        Func<T, string?> role, Func<T, int?> unitId, Func<T, int?> regionId)
    {
        validator.RuleFor(x => role(x)).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请选择角色")
            .Must(r => Roles.All.Contains(r!)).WithMessage("请选择有效的角色")
            .OverridePropertyName("Role");
        validator.When(x => NeedsUnit(role(x)), () =>
            validator.RuleFor(x => unitId(x)).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(x => $"{Roles.ToChinese(role(x)!)}须选择所在单位")
                .MustAsync((id, ct) => db.Units.AnyAsync(u => u.Id == id && !u.IsDisabled, ct)).WithMessage("所选单位不存在或已停用")
                .OverridePropertyName("UnitId"));
        validator.When(x => NeedsRegion(role(x)), () =>
            validator.RuleFor(x => regionId(x)).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("县区社科联须选择县（区）")
                .MustAsync((id, ct) => db.Regions.AnyAsync(r => r.Id == id && r.Kind == Domain.RegionKind.County, ct))
                .WithMessage("请选择一个县（区），市本级不设县区社科联")
                .OverridePropertyName("RegionId"));
    }

    /// <summary>The county federation reviews for one county/district (县区).</summary>
    public static bool NeedsRegion(string? role) => role == Roles.CountyFederation;

    /// <summary>A user name for a new account: required, allowed characters, not taken.</summary>
    public static IRuleBuilderOptions<T, string?> NewUserName<T>(this IRuleBuilderInitial<T, string?> rule, UserManager<Domain.AppUser> userManager) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请输入用户名")
            .MaximumLength(UserNameMaxLength).WithMessage($"用户名不超过 {UserNameMaxLength} 个字符")
            .Matches("^[A-Za-z0-9._@+-]+$").WithMessage("用户名只能包含英文字母、数字和 . _ - @ +")
            .MustAsync(async (name, _) => await userManager.FindByNameAsync(name!.Trim()) is null)
            .WithMessage((_, name) => $"用户名“{name}”已被使用，请换一个");

    /// <summary>
    /// The same words the change-password page uses; Identity re-checks the rules on save, so this only
    /// lets the form answer before asking it.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> InitialPassword<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请输入初始密码")
            .MinimumLength(PasswordMinLength).WithMessage($"密码至少 {PasswordMinLength} 位")
            .Must(p => p!.Any(char.IsAsciiLetter) && p!.Any(char.IsAsciiDigit)).WithMessage("密码须同时包含字母和数字");

    /// <summary>Identity's error codes in our words, with the field each belongs to.</summary>
    internal static (string Field, string Message) Describe(IdentityError error, string passwordField, string userNameField) =>
        error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => (passwordField, $"密码至少 {PasswordMinLength} 位"),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) or "PasswordRequiresLetter"
                => (passwordField, "密码须同时包含字母和数字"),
            nameof(IdentityErrorDescriber.DuplicateUserName) => (userNameField, error.Description),
            nameof(IdentityErrorDescriber.InvalidUserName) => (userNameField, error.Description),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => (passwordField, error.Description),
            _ => ("", string.IsNullOrWhiteSpace(error.Description) ? "操作失败，请稍后重试" : error.Description),
        };
}
