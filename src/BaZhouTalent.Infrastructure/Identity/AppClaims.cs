namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>Claims the portal adds to the sign-in cookie.</summary>
public static class AppClaims
{
    public const string DisplayName = "display_name";
    public const string MustChangePassword = "must_change_password";
    /// <summary>A staff password older than <c>Security:Passwords:MaxAgeDays</c>: nothing but changing it until it is.</summary>
    public const string PasswordExpired = "password_expired";
}
