namespace BaZhouTalent.Application.Domain;

/// <summary>
/// 结项公示 of one concluded application: published when the federation concludes it, running until
/// <see cref="EndsOn"/> (the last working day of the period, a China date). The 结项证书 issues only once the period has
/// ended with no objection standing and none upheld. An application concluded with no period configured, or before
/// 公示 existed, has no announcement and its certificate issued at once.
/// </summary>
public class ClosureAnnouncement
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>The period's length in working days, as configured when it was published.</summary>
    public int WorkingDays { get; set; }
    /// <summary>The period's last day (China date): objections received up to and including it are in time.</summary>
    public DateOnly EndsOn { get; set; }
    public List<AnnouncementObjection> Objections { get; set; } = [];

    /// <summary>Where the announcement stands on <paramref name="today"/> (a China date).</summary>
    public AnnouncementState StateOn(DateOnly today) =>
        StateOf(EndsOn, Objections.Any(o => o.Outcome == ObjectionOutcome.Upheld), Objections.Any(o => o.Outcome is null), today);

    /// <summary>An upheld objection withholds the certificate for good; a standing one holds it whatever the date.</summary>
    public static AnnouncementState StateOf(DateOnly endsOn, bool anyUpheld, bool anyStanding, DateOnly today) =>
        anyUpheld ? AnnouncementState.Upheld
        : anyStanding ? AnnouncementState.Objected
        : today <= endsOn ? AnnouncementState.Running
        : AnnouncementState.Ended;

    /// <summary>True when the certificate may issue: no announcement at all, or one that ended clear.</summary>
    public static bool CertificateIssued(ClosureAnnouncement? announcement, DateOnly today) =>
        announcement is null || announcement.StateOn(today) == AnnouncementState.Ended;

    public static string StateName(AnnouncementState state) => state switch
    {
        AnnouncementState.Running => "公示中",
        AnnouncementState.Objected => "有异议待处理",
        AnnouncementState.Upheld => "异议成立，不颁发证书",
        AnnouncementState.Ended => "公示期满",
        _ => "",
    };
}

public enum AnnouncementState
{
    /// <summary>公示中: the period runs, no objection pending.</summary>
    Running,
    /// <summary>An objection is recorded and not yet decided: the certificate waits whatever the date.</summary>
    Objected,
    /// <summary>An objection was upheld: the certificate is withheld.</summary>
    Upheld,
    /// <summary>The period ended with every objection dismissed (or none): the certificate issues.</summary>
    Ended,
}

public enum ObjectionOutcome
{
    /// <summary>成立.</summary>
    Upheld,
    /// <summary>不成立.</summary>
    Dismissed,
}

/// <summary>异议: an objection to an announced conclusion, as received (who, what, when) and as decided (outcome and reason).</summary>
public class AnnouncementObjection
{
    public int Id { get; set; }
    public int AnnouncementId { get; set; }
    /// <summary>Who objected (a person or a unit, as they gave it).</summary>
    public string ObjectorName { get; set; } = "";
    public string Content { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByName { get; set; } = "";
    public ObjectionOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }

    public static string OutcomeName(ObjectionOutcome? outcome) => outcome switch
    {
        ObjectionOutcome.Upheld => "成立",
        ObjectionOutcome.Dismissed => "不成立",
        _ => "待处理",
    };
}
