using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// Identity's user manager, keeping what the password rules need: when each password was set (staff passwords age from
/// it) and the hashes of the ones before it (a new password may not repeat the latest few, see
/// <see cref="PasswordHistoryValidator"/>). Every way a password is set — creation, the user's change, an administrator's
/// reset — passes through here.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider clock,
    IOptions<SecurityOptions> security)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> CreateAsync(AppUser user, string password)
    {
        user.PasswordChangedAt = clock.GetUtcNow();
        return base.CreateAsync(user, password);
    }

    public override async Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword)
    {
        var previous = user.PasswordHash;
        var result = await base.ChangePasswordAsync(user, currentPassword, newPassword);
        return result.Succeeded ? await RememberAsync(user, previous) : result;
    }

    public override async Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword)
    {
        var previous = user.PasswordHash;
        var result = await base.ResetPasswordAsync(user, token, newPassword);
        return result.Succeeded ? await RememberAsync(user, previous) : result;
    }

    public override async Task<IdentityResult> AddPasswordAsync(AppUser user, string password)
    {
        var result = await base.AddPasswordAsync(user, password);
        return result.Succeeded ? await RememberAsync(user, null) : result;
    }

    /// <summary>The password just replaced joins the history (the current one is checked from the account itself).</summary>
    private Task<IdentityResult> RememberAsync(AppUser user, string? previousHash)
    {
        if (previousHash is not null)
            user.PreviousPasswordHashes = [previousHash, .. user.PreviousPasswordHashes.Take(Math.Max(0, security.Value.Passwords.HistoryCount - 2))];
        user.PasswordChangedAt = clock.GetUtcNow();
        return UpdateUserAsync(user);
    }
}

/// <summary>“No reuse of the last N”: the new password may match neither the current one nor the N − 1 before it.</summary>
public sealed class PasswordHistoryValidator(IOptions<SecurityOptions> security) : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordReused";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var count = security.Value.Passwords.HistoryCount;
        var recent = new[] { user.PasswordHash }.Concat(user.PreviousPasswordHashes).OfType<string>().Take(count);
        var reused = recent.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
        return Task.FromResult(reused
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = ReusedMessage(count) })
            : IdentityResult.Success);
    }

    public static string ReusedMessage(int count) => $"新密码不能与最近 {count} 次使用过的密码相同";
}
