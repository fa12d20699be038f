namespace BaZhouTalent.Application.Domain;

/// <summary>An expert assigned by the city federation to appraise one round of an application.</summary>
public class ExpertAssignment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Round { get; set; }
    public required string ExpertUserId { get; set; }
    /// <summary>主审专家: sees every opinion once all are in and signs the combined appraisal.</summary>
    public bool IsChief { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public string AssignedByUserId { get; set; } = "";
    /// <summary>
    /// When the application left 专家鉴定中 in this assignment's round (appraisal combined, returned, …); null while it is
    /// with the experts. An expert's 待办 starts from their assignments with none, through the (ExpertUserId, ClosedAt)
    /// index, instead of walking every application in 专家鉴定中. Set by the workflow (<see cref="ClosureApplication"/>'s
    /// transitions), never by hand.
    /// </summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
