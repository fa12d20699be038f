using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>Identity can demand digits, but not “a letter of either case”; the federation's rule asks for both.</summary>
public sealed class LetterPasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordRequiresLetter";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && password.Any(char.IsAsciiLetter)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = "密码须同时包含字母和数字。" }));
}
