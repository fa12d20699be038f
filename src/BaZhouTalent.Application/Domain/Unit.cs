namespace BaZhouTalent.Application.Domain;

/// <summary>A work unit (单位): the applicant's employer, which reviews first and signs section 二.</summary>
public class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;
    /// <summary>A disabled unit keeps its history but is no longer offered for new projects or accounts.</summary>
    public bool IsDisabled { get; set; }
}
