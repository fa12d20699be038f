using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>单位管理: every unit with the region that decides its review route.</summary>
public static class ListUnits
{
    public sealed record Query;

    public sealed record Row(int Id, string Name, string RegionName, RegionKind RegionKind, int ProjectCount)
    {
        /// <summary>The route an application from this unit takes after the unit itself.</summary>
        public string RouteName => RegionKind == RegionKind.CityLevel ? "直接报送市社科联" : "经县（区）社科联报送";
    }

    public sealed class Handler(IAppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default) =>
            await db.Units
                .OrderBy(u => u.Region.SortOrder).ThenBy(u => u.Name)
                .Select(u => new Row(
                    u.Id,
                    u.Name,
                    u.Region.Name,
                    u.Region.Kind,
                    db.FundedProjects.Count(p => p.UnitId == u.Id)))
                .ToListAsync(cancellationToken);
    }
}
