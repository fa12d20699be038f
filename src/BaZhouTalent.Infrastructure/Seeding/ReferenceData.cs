using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>Regions, the city level and project categories: the same in every environment.</summary>
internal static class ReferenceData
{
    public static readonly IReadOnlyList<Region> Regions =
    [
        new() { Name = "巴州区", Kind = RegionKind.County, SortOrder = 1 },
        new() { Name = "恩阳区", Kind = RegionKind.County, SortOrder = 2 },
        new() { Name = "通江县", Kind = RegionKind.County, SortOrder = 3 },
        new() { Name = "南江县", Kind = RegionKind.County, SortOrder = 4 },
        new() { Name = "平昌县", Kind = RegionKind.County, SortOrder = 5 },
        new() { Name = CityLevel, Kind = RegionKind.CityLevel, SortOrder = 6 },
    ];

    public const string CityLevel = "市本级";

    public static readonly IReadOnlyList<ProjectCategory> Categories =
    [
        new() { Code = "ZD", Name = "重点课题", SortOrder = 1 },
        new() { Code = "YB", Name = "一般课题", SortOrder = 2 },
        new() { Code = "QN", Name = "青年课题", SortOrder = 3 },
        new() { Code = "ZX", Name = "专项课题", SortOrder = 4 },
        new() { Code = "WT", Name = "委托课题", SortOrder = 5 },
    ];
}
