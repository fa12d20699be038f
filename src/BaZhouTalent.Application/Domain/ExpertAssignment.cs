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

    /// <summary>
    /// While open, the application's <see cref="ClosureApplication.StatusSince"/> (what the expert's 待办 shows as waiting
    /// since and sorts by), kept on the assignment so the expert's queue reads its page along the (ExpertUserId, ClosedAt,
    /// AwaitingSince) index instead of sorting every open appraisal of the expert. Set by the workflow with StatusSince.
    /// </summary>
    public DateTimeOffset? AwaitingSince { get; set; }

    /// <summary>
    /// While open, the application's <see cref="ClosureApplication.SubmittedAt"/> (which does not change while it is with
    /// the experts), kept on the assignment so the expert's review list, sorted by submission as every review list is by
    /// default, reads its page along the (ExpertUserId, ClosedAt, SubmittedAt) index instead of sorting every open
    /// appraisal of the expert. Set by the workflow with <see cref="AwaitingSince"/>.
    /// </summary>
    public DateTimeOffset? SubmittedAt { get; set; }
}

/// <summary>Why an assigned expert declines (谢绝鉴定).</summary>
public enum DeclineKind
{
    /// <summary>回避: a conflict of interest the pool's rules did not catch.</summary>
    ConflictOfInterest = 1,
    /// <summary>无法按期: the expert cannot appraise within the stage's time limit.</summary>
    CannotMeetDeadline = 2,
}

/// <summary>The Chinese names of <see cref="DeclineKind"/>; a decline's history note starts with its kind (“回避：…”).</summary>
public static class DeclineKinds
{
    public static string ToChinese(this DeclineKind kind) => kind switch
    {
        DeclineKind.ConflictOfInterest => "回避",
        DeclineKind.CannotMeetDeadline => "无法按期",
        _ => kind.ToString(),
    };

    /// <summary>The kind a decline's note begins with (what a notice may say without the expert's own words).</summary>
    public static string KindOf(string? note) => (note ?? "").Split('：', 2)[0];
}
