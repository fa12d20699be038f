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

    /// <summary>Active until terminated or until its closure concludes (mirrored from the application).</summary>
    public ProjectLifecycleStatus Lifecycle { get; private set; } = ProjectLifecycleStatus.Active;

    /// <summary>The completion date as moved by the last approved extension (延期); null while never extended.
    /// <see cref="PlannedCompletion"/> keeps the register's original date for the change table.</summary>
    public DateOnly? ExtendedCompletion { get; private set; }

    public DateTimeOffset? TerminatedAt { get; private set; }
    public string? TerminationGround { get; private set; }
    public string? TerminationReason { get; private set; }
    public string? TerminatedByName { get; private set; }

    public List<ProjectRequest> Requests { get; set; } = [];

    /// <summary>资助经费 in yuan, as registered; not printed on the form.</summary>
    public int? FundingYuan { get; set; }

    /// <summary>更正登记: every correction of this entry, with its reason and what changed.</summary>
    public List<ProjectCorrection> Corrections { get; set; } = [];

    /// <summary>Optimistic concurrency for corrections: a stale correction page is refused, never saved over another.</summary>
    public Guid RegisterStamp { get; set; } = Guid.NewGuid();

    /// <summary>The date overdue tracking uses: the approved extension's, else the register's.</summary>
    public DateOnly EffectivePlannedCompletion => ExtendedCompletion ?? PlannedCompletion;

    /// <summary>撤项: ends the project; no closure may start or go on afterwards.</summary>
    public void Terminate(string ground, string reason, string byName, DateTimeOffset at)
    {
        if (Lifecycle != ProjectLifecycleStatus.Active)
            throw new Workflow.ReviewRuleException($"项目当前为“{Lifecycle.ToChinese()}”，不能终止。");
        Lifecycle = ProjectLifecycleStatus.Terminated;
        TerminationGround = ground;
        TerminationReason = reason;
        TerminatedByName = byName;
        TerminatedAt = at;
    }

    /// <summary>Mirrors the closure's conclusion onto the project.</summary>
    public void MarkConcluded()
    {
        if (Lifecycle == ProjectLifecycleStatus.Active)
            Lifecycle = ProjectLifecycleStatus.Concluded;
    }

    /// <summary>An approved change of unit (项目变更) moves the project, and with it the review route, to <paramref name="unit"/>.</summary>
    internal void MoveTo(Unit unit)
    {
        UnitId = unit.Id;
        Unit = unit;
    }

    /// <summary>An approved extension moves the planned completion used for overdue tracking.</summary>
    internal void ExtendTo(DateOnly completion) => ExtendedCompletion = completion;
}

/// <summary>The funded project's own lifecycle (ADR 0004): Active → Terminated, Active → Concluded.</summary>
public enum ProjectLifecycleStatus
{
    Active = 0,
    Terminated = 1,
    Concluded = 2,
}

public static class ProjectLifecycleStatusNames
{
    public static string ToChinese(this ProjectLifecycleStatus status) => status switch
    {
        ProjectLifecycleStatus.Active => "在研",
        ProjectLifecycleStatus.Terminated => "已终止",
        ProjectLifecycleStatus.Concluded => "已结项",
        _ => status.ToString(),
    };
}
