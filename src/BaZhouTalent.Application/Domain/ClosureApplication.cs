namespace BaZhouTalent.Application.Domain;

/// <summary>
/// The closure application (结项申请书) of one funded project: the “现” side of the change table,
/// the declaration, and the final report. Status changes only through the review workflow.
/// </summary>
public class ClosureApplication
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public FundedProject Project { get; set; } = null!;

    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;
    /// <summary>Review round: 1 for the first submission, one more for each resubmission after a return.</summary>
    public int Round { get; private set; } = 1;

    public DateOnly FillDate { get; set; }
    /// <summary>成果是否涉及敏感问题或其他不宜公开出版的内容; null until the researcher chooses.</summary>
    public bool? Sensitive { get; set; }
    /// <summary>成果是否涉密; a classified result may not be uploaded.</summary>
    public bool? Classified { get; set; }
    public bool DeclarationConfirmed { get; set; }

    public string ResultTitle { get; set; } = "";
    public string CurrentOutputForm { get; set; } = "";
    public DateOnly? ActualCompletion { get; set; }
    public PersonDetails CurrentLeader { get; set; } = new();
    public List<Participant> CurrentParticipants { get; set; } = [];

    /// <summary>The final report in <c>ReportMarkup</c> form: one paragraph a line, <c>**bold**</c> runs.</summary>
    public string ReportText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>结项证书编号, e.g. 巴社科结〔2025〕027号, issued on approval.</summary>
    public string? CertificateNumber { get; private set; }

    /// <summary>Optimistic concurrency: changes on every save, so a stale page cannot overwrite newer data.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ReviewOpinion> Opinions { get; set; } = [];
    public List<ExpertAssignment> ExpertAssignments { get; set; } = [];
    public List<ApplicationRevision> Revisions { get; set; } = [];
    public List<AuditEntry> History { get; set; } = [];

    /// <summary>A new draft whose “现” side starts as a copy of the register's “原” side.</summary>
    public static ClosureApplication StartFor(FundedProject project, DateTimeOffset now) => new()
    {
        Project = project,
        ProjectId = project.Id,
        FillDate = DateOnly.FromDateTime(now.Date),
        ResultTitle = project.Title,
        CurrentOutputForm = project.PlannedOutputForm,
        CurrentLeader = project.OriginalLeader.Copy(),
        CurrentParticipants = project.OriginalParticipants.Select(p => p.Copy()).ToList(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Used by the workflow only: moves the application and stamps the change.</summary>
    internal void MoveTo(ApplicationStatus status) => Status = status;

    internal void StartNextRound() => Round++;

    internal void MarkSubmitted(DateTimeOffset at) => SubmittedAt = at;

    internal void IssueCertificate(string number) => CertificateNumber = number;
}
