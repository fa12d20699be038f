namespace BaZhouTalent.Application.Domain;

/// <summary>
/// An entry of the register of funded projects kept by the city federation. It holds the “原” side of
/// the change table, which researchers never retype.
/// </summary>
public class FundedProject
{
    public int Id { get; set; }
    /// <summary>立项编号, e.g. BZ25YB027.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    public int CategoryId { get; set; }
    public ProjectCategory Category { get; set; } = null!;
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public string PlannedOutputForm { get; set; } = "";
    public DateOnly PlannedCompletion { get; set; }
    public PersonDetails OriginalLeader { get; set; } = new();
    public List<Participant> OriginalParticipants { get; set; } = [];
    /// <summary>The researcher's account, once the leader holds one.</summary>
    public string? LeaderUserId { get; set; }

    public ClosureApplication? Application { get; set; }
}
