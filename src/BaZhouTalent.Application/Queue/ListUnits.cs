using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>单位管理: units with the region that decides their review route, one page at a time, searchable by name.</summary>
public static class ListUnits
{
    public sealed record Query(ListRequest List);

    public sealed record Row(int Id, string Name, int RegionId, string RegionName, RegionKind RegionKind, bool IsDisabled, int ProjectCount)
    {
        /// <summary>The route an application from this unit takes after the unit itself.</summary>
        public string RouteName => RegionKind == RegionKind.CityLevel ? "直接报送市社科联" : "经县（区）社科联报送";
    }

    public sealed record RegionChoice(int Id, string Name);

    private static readonly SortMap<Unit> Sorts = new SortMap<Unit>(u => u.Id)
        .Add("region", u => u.Region.SortOrder).Add("name", u => u.Name);

    public sealed class Handler(IAppDbContext db)
    {
        public Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var units = db.Units.AsNoTracking();
            if (query.List.Term is { } search)
                units = units.Where(u => u.Name.ToLower().Contains(search));
            return units.ToPagedAsync(query.List, Sorts, u => new Row(
                    u.Id,
                    u.Name,
                    u.RegionId,
                    u.Region.Name,
                    u.Region.Kind,
                    u.IsDisabled,
                    db.FundedProjects.Count(p => p.UnitId == u.Id)), cancellationToken);
        }

        /// <summary>The counties/districts and 市本级, in their usual order, for the add and move forms.</summary>
        public async Task<IReadOnlyList<RegionChoice>> RegionsAsync(CancellationToken cancellationToken = default) =>
            await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new RegionChoice(r.Id, r.Name)).ToListAsync(cancellationToken);
    }
}
