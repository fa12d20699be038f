namespace BaZhouTalent.Application.Abstractions;

/// <summary>The signed-in user as the use cases see them; injected so handlers can be tested.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string DisplayName { get; }
    bool IsInRole(string role);
}
