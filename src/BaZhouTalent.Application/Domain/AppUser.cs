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
}
