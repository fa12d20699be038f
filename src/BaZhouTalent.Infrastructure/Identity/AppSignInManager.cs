using System.Globalization;
using System.Security.Claims;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in with the portal's rules, each decided here and nowhere else:
/// <list type="bullet">
/// <item>An unknown user, a locked account and a wrong password take about as long (the first two hash the typed
/// password against a decoy), so timing tells nobody which accounts exist.</item>
/// <item>A disabled account is not allowed to sign in.</item>
/// <item>The second factor: an account with an authenticator signs in only with a code or a recovery code; an account
/// whose role requires one (<c>Security:TwoFactor:RequiredRoles</c>) and has none yet is held after the password, as
/// Identity holds a two-factor sign-in, and can do nothing but enrol. A wrong code or recovery code counts towards
/// lockout like a wrong password.</item>
/// <item>Each new session gets an id (kept on the account for single-session mode) and its start time (for the absolute
/// lifetime), carried in the cookie's properties so a refresh of the cookie keeps them.</item>
/// <item>Every outcome is recorded in the security audit, with the reason the user is not told.</item>
/// </list>
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    IOptions<SecurityOptions> security,
    TimeProvider clock,
    SecurityAudit audit,
    SecondFactorVerdict verdict)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The claim Identity itself uses to say a sign-in passed a second factor (“amr” = “mfa”).</summary>
    public const string MethodsClaim = "amr";
    public const string MultiFactor = "mfa";
    public const string SessionIdItem = ".bz.session";
    public const string SignedInAtItem = ".bz.signedin";

    private static readonly AppUser Decoy = new() { UserName = "decoy" };
    private static string? decoyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            HashAsIfChecking(password);
            await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Failure, userName, "", "用户不存在");
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(AppUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var wasLocked = await IsLockedOut(user);
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        if (result.Succeeded)
            await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Success, user, "密码");
        else if (!result.RequiresTwoFactor)
            await RecordFailureAsync(user, result, wasLocked, "密码错误");
        return result;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked account before looking at the password; spend the same time first.
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
            HashAsIfChecking(password);
        // A disabled account is refused as such only after the right password, so its state tells a stranger nothing.
        else if (user.IsDisabled && !await UserManager.CheckPasswordAsync(user, password))
            return SignInResult.Failed;
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Also true for an account that must enrol: the password alone then leads to enrolment, never in.</summary>
    public override async Task<bool> IsTwoFactorEnabledAsync(AppUser user) =>
        await base.IsTwoFactorEnabledAsync(user) || await MustEnrolAsync(user);

    /// <summary>The account's roles require a second factor.</summary>
    public async Task<bool> RequiresSecondFactorAsync(AppUser user) =>
        security.Value.TwoFactor.IsRequiredFor(await UserManager.GetRolesAsync(user));

    /// <summary>The account must sign in with a second factor and has no authenticator yet.</summary>
    public async Task<bool> MustEnrolAsync(AppUser user) => !user.TwoFactorEnabled && await RequiresSecondFactorAsync(user);

    public override Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        SecondStepAsync("动态验证码", user => UserManager.VerifyTwoFactorTokenAsync(user, Options.Tokens.AuthenticatorTokenProvider, code));

    public override Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        SecondStepAsync("恢复码", async user =>
            (await UserManager.RedeemTwoFactorRecoveryCodeAsync(user, AuthenticatorCodes.NormaliseRecoveryCode(recoveryCode))).Succeeded
            || Refused("恢复码无效或已使用"));

    /// <summary>
    /// After the first authenticator code of an enrolment, held after the password: the account is now signed in with
    /// both factors.
    /// </summary>
    public async Task CompleteEnrolmentAsync(AppUser user)
    {
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim(MethodsClaim, MultiFactor)]);
        await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Success, user, "密码＋绑定身份验证器");
    }

    /// <summary>A signed-in account that has just proved it holds its authenticator: this session now counts as two-factor.</summary>
    public async Task RefreshWithSecondFactorAsync(AppUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await SignInWithClaimsAsync(user, current.Properties, [new Claim(MethodsClaim, MultiFactor)]);
    }

    /// <summary>Starts a session (not a refresh of one): numbered on the account and timed from now.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        authenticationProperties ??= new AuthenticationProperties();
        if (!authenticationProperties.Items.ContainsKey(SessionIdItem))
        {
            var session = Guid.NewGuid().ToString("N");
            authenticationProperties.Items[SessionIdItem] = session;
            authenticationProperties.Items[SignedInAtItem] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            user.SessionId = session;
            await UserManager.UpdateAsync(user);
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    /// <summary>When the session of <paramref name="properties"/> started, or null for a cookie without one.</summary>
    public static DateTimeOffset? SignedInAt(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(SignedInAtItem, out var text) == true
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static string? SessionOf(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(SessionIdItem, out var session) == true ? session : null;

    private async Task<SignInResult> SecondStepAsync(string method, Func<AppUser, Task<bool>> verify)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null || !user.TwoFactorEnabled)
            return SignInResult.Failed;
        var wasLocked = await IsLockedOut(user);
        if (await PreSignInCheck(user) is { } refused)
        {
            await RecordFailureAsync(user, refused, wasLocked, "");
            return refused;
        }
        if (await verify(user))
        {
            await ResetLockout(user);
            await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await SignInWithClaimsAsync(user, isPersistent: false, [new Claim(MethodsClaim, MultiFactor)]);
            var left = method == "恢复码" ? $"（剩余 {await UserManager.CountRecoveryCodesAsync(user)} 个）" : "";
            await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Success, user, $"密码＋{method}{left}");
            return SignInResult.Success;
        }
        await UserManager.AccessFailedAsync(user);
        var result = await IsLockedOut(user) ? await LockedOut(user) : SignInResult.Failed;
        await RecordFailureAsync(user, result, wasLocked, verdict.Refusal ?? $"{method}错误");
        return result;
    }

    /// <summary>A refused sign-in: the reason, and the lockout when this attempt caused it.</summary>
    private async Task RecordFailureAsync(AppUser user, SignInResult result, bool wasLocked, string wrong)
    {
        if (result.IsNotAllowed)
            await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Refused, user, "账户已停用");
        else if (result.IsLockedOut && wasLocked)
            await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Refused, user, "账户已锁定");
        else
        {
            await RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Failure, user, wrong);
            if (result.IsLockedOut)
                await RecordAsync(SecurityEventKind.AccountLockedOut, SecurityOutcome.Success, user,
                    $"连续 {Options.Lockout.MaxFailedAccessAttempts} 次验证失败，锁定 {Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} 分钟");
        }
    }

    private Task RecordAsync(SecurityEventKind kind, SecurityOutcome outcome, AppUser user, string detail) =>
        RecordAsync(kind, outcome, user.UserName ?? "", user.DisplayName, detail);

    private Task RecordAsync(SecurityEventKind kind, SecurityOutcome outcome, string account, string name, string detail) =>
        audit.RecordAsync(kind, outcome, account, detail, account: account, accountName: name);

    private bool Refused(string reason)
    {
        verdict.Refusal = reason;
        return false;
    }

    private void HashAsIfChecking(string password)
    {
        var hasher = UserManager.PasswordHasher;
        decoyHash ??= hasher.HashPassword(Decoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Decoy, decoyHash, password ?? "");
    }
}
