using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>解除锁定: lifts a lockout after failed sign-ins before its 15 minutes run out; the password is unchanged.</summary>
public static class UnlockAccount
{
    public sealed record Command(string UserName);

    /// <summary>False when the account does not exist.</summary>
    public sealed class Handler(UserManager<AppUser> userManager, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<bool> HandleAsync(Command command, string? actor, CancellationToken cancellationToken = default)
        {
            var user = string.IsNullOrWhiteSpace(command.UserName) ? null : await userManager.FindByNameAsync(command.UserName);
            if (user is null)
                return false;

            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var updated = await userManager.UpdateAsync(user);
            if (!updated.Succeeded)
                throw new InvalidOperationException($"Unlocking {command.UserName} failed: {string.Join(", ", updated.Errors.Select(e => e.Code))}");

            await audit.RecordAsync(StaffAction.AccountUnlocked, user.UserName!, cancellationToken: cancellationToken);
            log.LogInformation("Account {UserName} unlocked by {Actor}", user.UserName, actor);
            return true;
        }
    }
}
