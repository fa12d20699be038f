using System.Globalization;
using System.Text;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>Why the last authenticator code of this request was refused, for the security audit (never told the user).</summary>
public sealed class SecondFactorVerdict
{
    public string? Refusal { get; set; }
}

/// <summary>
/// Identity's authenticator token provider (TOTP, RFC 6238: 6 digits, 30-second steps, HMAC-SHA1 over the account's
/// authenticator key), with what Identity's own lacks: a code is accepted once. The step of each accepted code is kept
/// on the account and saved with the account's concurrency stamp, so a code used before — even by a request running at
/// the same moment — is refused. Codes of the step before and after the current one are accepted for clock drift.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider clock, SecondFactorVerdict verdict) : IUserTwoFactorTokenProvider<AppUser>
{
    public const int Digits = 6;

    public static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The authenticator app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = Normalise(token);
        if (string.IsNullOrEmpty(key) || code.Length != Digits || !code.All(char.IsAsciiDigit))
            return Refuse("验证码格式不正确或账户未绑定身份验证器");

        var totp = new Totp(Base32Encoding.ToBytes(key), totpSize: Digits);
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Window))
            return Refuse("验证码错误");
        if (user.AuthenticatorLastTimeStep is { } last && step <= last)
            return Refuse("验证码已使用过（重放）");

        user.AuthenticatorLastTimeStep = step;
        // The account's concurrency stamp makes two requests with the same code race for one save: only one wins.
        return (await manager.UpdateAsync(user)).Succeeded || Refuse("验证码已使用过（同时提交）");
    }

    /// <summary>What a person types: spaces or a hyphen between groups, full-width digits from a Chinese input method.</summary>
    public static string Normalise(string? token) =>
        new((token ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A recovery code as typed: Identity issues them as “XXXXX-XXXXX”; case, spaces and a missing hyphen do not matter.</summary>
    public static string NormaliseRecoveryCode(string? code)
    {
        var text = new string((code ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray())
            .ToUpperInvariant();
        return text.Length == 10 && !text.Contains('-') ? $"{text[..5]}-{text[5..]}" : text;
    }

    /// <summary>The key as people copy it into an app: groups of four, lower case.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>The otpauth address authenticator apps read from the QR code.</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits={Digits}";

    private bool Refuse(string reason)
    {
        verdict.Refusal = reason;
        return false;
    }
}
