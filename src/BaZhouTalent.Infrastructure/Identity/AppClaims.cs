namespace BaZhouTalent.Infrastructure.Identity;

/// <summary>Claims the portal adds to the sign-in cookie.</summary>
public static class AppClaims
{
    public const string DisplayName = "display_name";
    public const string MustChangePassword = "must_change_password";
}
