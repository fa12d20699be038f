using Microsoft.AspNetCore.Identity;

namespace BaZhouTalent.Application.Domain;

/// <summary>A portal account. Reviewers belong to a unit or, for county federations, a region.</summary>
public class AppUser : IdentityUser
{
    /// <summary>
    /// A column the database computes, not a property: the name lists sort by (姓名, or the display name when none is
    /// recorded), indexed so a sorted page reads its rows in order instead of sorting every account.
    /// </summary>
    public const string SortName = nameof(SortName);

    public string DisplayName { get; set; } = "";
    /// <summary>The person's real name (姓名), printed on the signature lines of the form.</summary>
    public string RealName { get; set; } = "";
    /// <summary>The person's post (职务) for staff accounts, printed before their name when they sign; empty otherwise.</summary>
    public string Post { get; set; } = "";
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The county/district a CountyFederation account reviews for.</summary>
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    /// <summary>Set for accounts created by staff: the first sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the password was last set (by the user, an administrator's reset or at creation); staff passwords age from it.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    /// <summary>Hashes of the passwords before the current one, newest first (as many as the history rule needs).</summary>
    public List<string> PreviousPasswordHashes { get; set; } = [];

    /// <summary>The authenticator time step (RFC 6238, 30 s) of the last code accepted: a code is good once.</summary>
    public long? AuthenticatorLastTimeStep { get; set; }

    /// <summary>The latest sign-in's session; with single-session mode, every other session of the account has ended.</summary>
    public string? SessionId { get; set; }

    /// <summary>停用: the account may not sign in; its sessions ended when it was disabled. Kept, with its history, never deleted.</summary>
    public bool IsDisabled { get; set; }
}
