namespace BaZhouTalent.Application.Domain;

/// <summary>A work unit (单位): the applicant's employer, which reviews first and signs section 二.</summary>
public class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;
}
