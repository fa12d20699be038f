using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// Sign-in that does not tell which accounts exist by how long it takes: Identity answers an unknown user
/// and a locked account at once, but a wrong password only after hashing it (about 100 ms). Here the first
/// two hash the typed password too, against a decoy hash, so all three take about as long.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly AppUser Decoy = new() { UserName = "decoy" };
    private static string? decoyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            HashAsIfChecking(password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked account before looking at the password; spend the same time first.
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
            HashAsIfChecking(password);
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void HashAsIfChecking(string password)
    {
        var hasher = UserManager.PasswordHasher;
        decoyHash ??= hasher.HashPassword(Decoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Decoy, decoyHash, password ?? "");
    }
}
