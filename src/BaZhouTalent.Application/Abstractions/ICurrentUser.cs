namespace BaZhouTalent.Application.Abstractions;

/// <summary>
/// The signed-in user as the use cases see them; injected so handlers can be tested. Unit and region come from
/// the sign-in claims, which are rebuilt from the account on every request (the security stamp is validated each
/// time), so lists, pages and the authorization handler read one source and agree after a reassignment.
/// </summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string DisplayName { get; }
    bool IsInRole(string role);
    int? UnitId { get; }
    int? RegionId { get; }
}
