using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// 重置双因素认证: for a lost or replaced phone. The account's authenticator key is replaced by one nobody holds, its
/// recovery codes are void and its sessions end; an account whose role requires a second factor enrols again at its
/// next sign-in.
/// </summary>
public static class ResetTwoFactor
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

            var wasEnrolled = user.TwoFactorEnabled;
            await userManager.SetTwoFactorEnabledAsync(user, false);
            // A fresh key nobody has scanned: the old phone's codes stop working. Each step rotates the security stamp.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);

            await audit.RecordAsync(StaffAction.TwoFactorReset, user.UserName!,
                (wasEnrolled ? "原身份验证器和恢复码作废" : "该账户尚未绑定身份验证器") + "，已登录的会话均已退出", cancellationToken);
            log.LogInformation("Second factor of {UserName} reset by {Actor}", user.UserName, actor);
            return true;
        }
    }
}
