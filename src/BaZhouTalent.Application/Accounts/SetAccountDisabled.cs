using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// 停用 / 启用账户: a disabled account cannot sign in and its sessions end at once; it is kept (its name is on signatures
/// and in the audit), never deleted. Nobody disables their own account.
/// </summary>
public static class SetAccountDisabled
{
    public sealed record Command(string UserName, bool Disabled);

    public enum Outcome { Done, NotFound, OwnAccount }

    public sealed class Handler(UserManager<AppUser> userManager, Abstractions.ICurrentUser currentUser, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var user = string.IsNullOrWhiteSpace(command.UserName) ? null : await userManager.FindByNameAsync(command.UserName);
            if (user is null) return Outcome.NotFound;
            if (command.Disabled && user.Id == currentUser.UserId) return Outcome.OwnAccount;
            if (user.IsDisabled == command.Disabled) return Outcome.Done;

            user.IsDisabled = command.Disabled;
            var updated = await userManager.UpdateAsync(user);
            if (!updated.Succeeded)
                throw new InvalidOperationException($"Updating {command.UserName} failed: {string.Join(", ", updated.Errors.Select(e => e.Code))}");
            if (command.Disabled)
                await userManager.UpdateSecurityStampAsync(user);

            await audit.RecordAsync(command.Disabled ? StaffAction.AccountDisabled : StaffAction.AccountEnabled, user.UserName!,
                command.Disabled ? "不能再登录，已登录的会话均已退出" : "恢复登录", cancellationToken);
            log.LogInformation("Account {UserName} {Change} by {Actor}", user.UserName, command.Disabled ? "disabled" : "enabled", currentUser.UserName);
            return Outcome.Done;
        }
    }
}
