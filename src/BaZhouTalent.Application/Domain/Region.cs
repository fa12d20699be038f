namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A county/district of Bazhong, or the city level (市本级). The kind decides the review route:
/// units under a county pass that county's federation; city-level units go straight to the city.
/// </summary>
public class Region
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public RegionKind Kind { get; set; }
    public int SortOrder { get; set; }

    public bool IsCityLevel => Kind == RegionKind.CityLevel;
}

public enum RegionKind
{
    County = 0,
    CityLevel = 1,
}
