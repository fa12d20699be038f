namespace BaZhouTalent.Application.Domain;

/// <summary>结项批次: days (China dates, both inclusive) in which closure applications may be submitted.</summary>
public class ClosureWindow
{
    public int Id { get; set; }
    public DateOnly Opens { get; set; }
    public DateOnly Closes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByName { get; set; } = "";
}
