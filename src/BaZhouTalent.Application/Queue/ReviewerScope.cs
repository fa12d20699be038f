using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>
/// What a reviewer may see: their own unit (unit reviewers) or their own county (county federations).
/// Read from the database rather than from claims so that a changed assignment takes effect at once.
/// </summary>
public sealed record ReviewerScope(string UserId, int? UnitId, int? RegionId)
{
    public static async Task<ReviewerScope?> LoadAsync(
        IAppDbContext db, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
            return null;

        return await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new ReviewerScope(u.Id, u.UnitId, u.RegionId))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
