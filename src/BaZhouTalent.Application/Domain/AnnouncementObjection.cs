namespace BaZhouTalent.Application.Domain;

/// <summary>
/// 异议: an objection received during 结项公示, recorded by the city federation with its outcome. While one is pending
/// or upheld the certificate does not issue; an upheld one revokes the conclusion (<c>RevokeConclusion</c>).
/// </summary>
public class AnnouncementObjection
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>The certificate number announced when the objection came in (a revoked conclusion's number is void).</summary>
    public string CertificateNumber { get; set; } = "";
    /// <summary>The China date the objection was received.</summary>
    public DateOnly ReceivedOn { get; set; }
    /// <summary>What the objection says, as the federation summarises it (who raised it is the federation's file, not the portal's).</summary>
    public string Content { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public ObjectionOutcome Outcome { get; private set; } = ObjectionOutcome.Pending;
    public string? OutcomeNote { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Pending or upheld: the certificate must not issue.</summary>
    public bool Stands => Outcome is ObjectionOutcome.Pending or ObjectionOutcome.Upheld;

    public void Decide(ObjectionOutcome outcome, string note, string byName, DateTimeOffset at)
    {
        if (Outcome != ObjectionOutcome.Pending)
            throw new Workflow.ReviewRuleException("该异议已有处理结果。");
        if (outcome == ObjectionOutcome.Pending)
            throw new Workflow.ReviewRuleException("请选择异议是否成立。");
        if (string.IsNullOrWhiteSpace(note))
            throw new Workflow.ReviewRuleException("请填写核查情况与处理意见。");
        Outcome = outcome;
        OutcomeNote = note.Trim();
        DecidedByName = byName;
        DecidedAt = at;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

public enum ObjectionOutcome
{
    /// <summary>待核查.</summary>
    Pending = 0,
    /// <summary>异议成立: the conclusion is revoked.</summary>
    Upheld = 1,
    /// <summary>异议不成立.</summary>
    Dismissed = 2,
}

public static class ObjectionOutcomeNames
{
    public static string ToChinese(this ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Pending => "待核查",
        ObjectionOutcome.Upheld => "异议成立",
        ObjectionOutcome.Dismissed => "异议不成立",
        _ => outcome.ToString(),
    };
}
