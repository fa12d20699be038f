namespace BaZhouTalent.Application.Security;

/// <summary>
/// The 等保 rules an installation may tune (section "Security"): second factor per role, sessions, password ageing and
/// history, audit retention. Lists left unset take the defaults below; a configured list replaces the default (a list
/// holding only an empty entry means none).
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Roles that must sign in with an authenticator code: 市社科联 unless configured.</summary>
    public static readonly IReadOnlyList<string> DefaultTwoFactorRoles = [Roles.MunicipalFederation];

    /// <summary>The staff roles whose passwords age: those who review, decide and manage.</summary>
    public static readonly IReadOnlyList<string> DefaultExpiringRoles = [Roles.MunicipalFederation, Roles.CountyFederation, Roles.UnitReviewer];

    public TwoFactorSettings TwoFactor { get; set; } = new();

    public SessionSettings Sessions { get; set; } = new();

    /// <summary>One session per account: a new sign-in ends the account's other sessions (they are told why).</summary>
    public bool SingleSession { get; set; }

    public PasswordSettings Passwords { get; set; } = new();

    public AuditSettings Audit { get; set; } = new();

    public sealed class TwoFactorSettings
    {
        public string[]? RequiredRoles { get; set; }

        public IReadOnlyList<string> ForRoles => Effective(RequiredRoles, DefaultTwoFactorRoles);

        public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(ForRoles.Contains);
    }

    public sealed class SessionSettings
    {
        /// <summary>Minutes without a request after which the session ends.</summary>
        public int IdleTimeoutMinutes { get; set; } = 30;

        /// <summary>Hours after sign-in after which the session ends however active it is.</summary>
        public int AbsoluteHours { get; set; } = 8;

        /// <summary>Minutes before the idle end from which the page warns and counts down.</summary>
        public int WarningMinutes { get; set; } = 5;
    }

    public sealed class PasswordSettings
    {
        /// <summary>Days a password of an expiring role may be used; 0 turns ageing off.</summary>
        public int MaxAgeDays { get; set; } = 180;

        /// <summary>How many of the latest passwords (the current one included) a new one may not repeat.</summary>
        public int HistoryCount { get; set; } = 5;

        public string[]? ExpiringRoles { get; set; }

        public IReadOnlyList<string> ForRoles => Effective(ExpiringRoles, DefaultExpiringRoles);

        public bool Expires(IEnumerable<string> roles) => MaxAgeDays > 0 && roles.Any(ForRoles.Contains);
    }

    public sealed class AuditSettings
    {
        /// <summary>The least retention the 网络安全法 (art. 21) asks of network logs.</summary>
        public const int MinimumRetentionDays = 180;

        /// <summary>Records younger than this are never archived out of the database.</summary>
        public int RetentionDays { get; set; } = MinimumRetentionDays;

        /// <summary>Where audit-archive writes its files; empty: audit-archive/ beside the SQLite file (or the data folder).</summary>
        public string? ArchiveDirectory { get; set; }
    }

    /// <summary>Every setting within the range the self-assessment promises; roles must be the portal's.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var role in TwoFactor.ForRoles.Concat(Passwords.ForRoles).Where(r => !Roles.All.Contains(r)))
            yield return $"Security: unknown role '{role}' (known: {string.Join(", ", Roles.All)}).";
        if (Sessions.IdleTimeoutMinutes is < 1 or > 480)
            yield return "Security:Sessions:IdleTimeoutMinutes must be between 1 and 480.";
        if (Sessions.AbsoluteHours is < 1 or > 72 || Sessions.AbsoluteHours * 60 < Sessions.IdleTimeoutMinutes)
            yield return "Security:Sessions:AbsoluteHours must be between 1 and 72 and not shorter than the idle timeout.";
        if (Sessions.WarningMinutes < 1 || Sessions.WarningMinutes >= Sessions.IdleTimeoutMinutes && Sessions.IdleTimeoutMinutes > 1)
            yield return "Security:Sessions:WarningMinutes must be at least 1 and shorter than the idle timeout.";
        if (Passwords.MaxAgeDays is < 0 or > 3650)
            yield return "Security:Passwords:MaxAgeDays must be between 0 (off) and 3650.";
        if (Passwords.HistoryCount is < 1 or > 24)
            yield return "Security:Passwords:HistoryCount must be between 1 and 24.";
        if (Audit.RetentionDays < AuditSettings.MinimumRetentionDays)
            yield return $"Security:Audit:RetentionDays must be at least {AuditSettings.MinimumRetentionDays}.";
    }

    private static IReadOnlyList<string> Effective(string[]? configured, IReadOnlyList<string> defaults) =>
        configured is null ? defaults : configured.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
}
