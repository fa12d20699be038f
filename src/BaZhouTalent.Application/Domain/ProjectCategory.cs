namespace BaZhouTalent.Application.Domain;

/// <summary>项目类别, managed reference data; the code is the letters inside a 立项编号 (BZ25<b>YB</b>027).</summary>
public class ProjectCategory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
