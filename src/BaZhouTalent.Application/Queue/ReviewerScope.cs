using BaZhouTalent.Application.Abstractions;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// What a reviewer may see: their own unit (unit reviewers) or their own county (county federations). Read from the
/// current user's claims — the same source as the authorization handler, refreshed from the account on every request.
/// </summary>
public sealed record ReviewerScope(string UserId, int? UnitId, int? RegionId)
{
    public static Task<ReviewerScope?> LoadAsync(IAppDbContext db, ICurrentUser currentUser, CancellationToken cancellationToken) =>
        Task.FromResult(Of(currentUser));

    public static ReviewerScope? Of(ICurrentUser currentUser) =>
        currentUser.UserId is { } userId ? new ReviewerScope(userId, currentUser.UnitId, currentUser.RegionId) : null;
}
