namespace BaZhouTalent.Application.Domain;

/// <summary>One line of an application's history: who did what, when, in which round, with what note.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public int? ApplicationId { get; set; }
    public int Round { get; set; }
    public required string Action { get; set; }
    public ApplicationStatus? FromStatus { get; set; }
    public ApplicationStatus? ToStatus { get; set; }
    public string ActorUserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Note { get; set; } = "";
}
