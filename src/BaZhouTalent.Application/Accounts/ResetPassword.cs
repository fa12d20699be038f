using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// 重置密码: the city federation sets a new initial password. The account must change it at its next
/// sign-in, any lockout is lifted, and the new security stamp ends the account's open sessions.
/// </summary>
public static class ResetPassword
{
    public sealed class Command
    {
        public string? UserName { get; set; }
        public string? NewPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.NewPassword).InitialPassword();
    }

    /// <summary>Null when the account does not exist (the page answers 404); otherwise the outcome.</summary>
    public sealed class Handler(UserManager<AppUser> userManager, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<ValidationResult?> HandleAsync(Command command, string? actor, CancellationToken cancellationToken = default)
        {
            var user = string.IsNullOrWhiteSpace(command.UserName) ? null : await userManager.FindByNameAsync(command.UserName);
            if (user is null)
                return null;

            // Through a reset token rather than remove-then-add: one step that checks the password
            // rules first, so a refused password leaves the old one in place.
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var reset = await userManager.ResetPasswordAsync(user, token, command.NewPassword!);
            if (!reset.Succeeded)
                return new ValidationResult(reset.Errors.Select(e =>
                {
                    var (field, message) = AccountRules.Describe(e, nameof(Command.NewPassword), nameof(Command.UserName));
                    return new ValidationFailure(field == nameof(Command.UserName) ? "" : field, message);
                }));

            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var updated = await userManager.UpdateAsync(user);
            if (!updated.Succeeded)
                return new ValidationResult(updated.Errors.Select(e => new ValidationFailure("", e.Description)));

            await audit.RecordAsync(StaffAction.PasswordReset, user.UserName!, "须在下次登录时修改密码", cancellationToken);
            log.LogInformation("Password of {UserName} reset by {Actor}", user.UserName, actor);
            return new ValidationResult();
        }
    }
}
