namespace BaZhouTalent.Application.Abstractions;

/// <summary>
/// The signed-in user as the use cases see them; injected so handlers can be tested. Unit and region come from
/// the sign-in claims, which are rebuilt from the account on every request (the security stamp is validated each
/// time), so lists, pages and the authorization handler read one source and agree after a reassignment.
/// </summary>
public interface ICurrentUser
{
    string? UserId { get; }
    /// <summary>The account's user name (登录名), for the security audit; null when nobody is signed in.</summary>
    string? UserName { get; }
    string DisplayName { get; }
    /// <summary>The client's address as the portal sees it (behind a configured proxy, the real one); empty outside a request.</summary>
    string ClientAddress { get; }
    bool IsInRole(string role);
    int? UnitId { get; }
    int? RegionId { get; }
}
