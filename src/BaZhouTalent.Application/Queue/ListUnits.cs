using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>单位管理: units with the region that decides their review route, one page at a time, searchable by name.</summary>
public static class ListUnits
{
    public sealed record Query(PageRequest Page, string? Search = null);

    public sealed record Row(int Id, string Name, int RegionId, string RegionName, RegionKind RegionKind, bool IsDisabled, int ProjectCount)
    {
        /// <summary>The route an application from this unit takes after the unit itself.</summary>
        public string RouteName => RegionKind == RegionKind.CityLevel ? "直接报送市社科联" : "经县（区）社科联报送";
    }

    public sealed record RegionChoice(int Id, string Name);

    public sealed class Handler(IAppDbContext db)
    {
        public Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var units = db.Units.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim();
                units = units.Where(u => u.Name.Contains(search));
            }
            return units
                .OrderBy(u => u.Region.SortOrder).ThenBy(u => u.Name).ThenBy(u => u.Id)
                .Select(u => new Row(
                    u.Id,
                    u.Name,
                    u.RegionId,
                    u.Region.Name,
                    u.Region.Kind,
                    u.IsDisabled,
                    db.FundedProjects.Count(p => p.UnitId == u.Id)))
                .ToPagedAsync(query.Page, cancellationToken);
        }

        /// <summary>The counties/districts and 市本级, in their usual order, for the add and move forms.</summary>
        public async Task<IReadOnlyList<RegionChoice>> RegionsAsync(CancellationToken cancellationToken = default) =>
            await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new RegionChoice(r.Id, r.Name)).ToListAsync(cancellationToken);
    }
}
