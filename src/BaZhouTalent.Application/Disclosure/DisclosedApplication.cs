using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Disclosure;

/// <summary>原/现负责人 as one viewer may see them; every field is the blind marker for a blind viewer.</summary>
/// <param name="BirthYear">Null for a blind viewer, so the printed cell stays empty rather than carry a year.</param>
public sealed record DisclosedPerson(
    string Name, string Gender, string Ethnicity, string Birth, int? BirthYear, int? BirthMonth, string Unit,
    string AdministrativePost, string ProfessionalTitle, string Address, string Phone);

/// <summary>One row of 原/现参与人员 as one viewer may see it.</summary>
public sealed record DisclosedMember(string Name, string Unit, string Title, string Phone);

/// <summary>A signed section as one viewer may see it: hidden sections never reach the viewer at all.</summary>
public sealed record DisclosedOpinion(
    ReviewStage Stage, int Round, bool? HasProblem, bool? Agrees, AppraisalGrade? Grade, string Text,
    string SignerName, string SignerUnit, DateTimeOffset SignedAt, string VerificationCode, bool IsMine, string SignerPost = "")
{
    public string StageName => Review.ReviewText.StageName(Stage);
}

/// <summary>申请免于鉴定 as one viewer may see it: the ground and its description may identify the applicant,
/// so a blind viewer (an expert, after a refusal) gets none of it.</summary>
public sealed record DisclosedExemption(string Ground, string? Description, ExemptionDecision? Decision);

/// <summary>
/// A supporting file as one viewer may see it. A blind viewer reads a neutral name (成果简介-1.pdf): the
/// uploaded name (“杨卓-成果简介.pdf”) may name the author even when the content does not.
/// </summary>
public sealed record DisclosedAttachment(
    int Id, AttachmentKind Kind, string FileName, string ContentType, long Size, string Sha256, bool BlindSafe,
    int? FrozenRound, DateTimeOffset UploadedAt)
{
    public string KindName => Kind.ToChinese();

    /// <summary>Still a draft of the researcher's: not yet submitted with any round.</summary>
    public bool IsDraft => FrozenRound is null;

    public string SizeText => Size >= 1024 * 1024 ? $"{Size / (1024.0 * 1024):0.0} MB" : $"{Math.Max(1, (Size + 1023) / 1024)} KB";
}

/// <summary>An assigned expert of the current round, named only where the policy allows.</summary>
public sealed record DisclosedExpert(string Name, bool IsChief, bool HasAppraised);

/// <summary>One line of 办理记录 as one viewer may see it.</summary>
public sealed record DisclosedHistoryEntry(
    DateTimeOffset At, int Round, string Action, ApplicationStatus? From, ApplicationStatus? To, string Actor, string Note)
{
    public string? FromName => From?.ToChinese();

    public string? ToName => To?.ToChinese();
}

/// <summary>
/// The application as one viewer may see it, built once by <see cref="Build"/> from the
/// <see cref="DisclosurePolicy"/>: the only thing pages, PDFs and history receive. Nothing identifying
/// is carried in it for a viewer who may not see it, so no view can leak it by forgetting to hide it.
/// </summary>
public sealed record DisclosedApplication(
    DisclosurePolicy Policy,
    string Code,
    string ProjectTitle,
    string Category,
    ApplicationStatus Status,
    int Round,
    bool IsCityLevel,
    string LeaderName,
    string UnitName,
    DateOnly FillDate,
    DateTimeOffset? SubmittedAt,
    bool? Sensitive,
    bool? Classified,
    bool DeclarationConfirmed,
    string ResultTitle,
    string PlannedOutputForm,
    string CurrentOutputForm,
    DateOnly PlannedCompletion,
    DateOnly? ActualCompletion,
    DisclosedPerson OriginalLeader,
    DisclosedPerson CurrentLeader,
    IReadOnlyList<DisclosedMember> OriginalParticipants,
    IReadOnlyList<DisclosedMember> CurrentParticipants,
    ChangeTable ChangeTable,
    string ReportText,
    string? CertificateNumber,
    IReadOnlyList<DisclosedOpinion> Opinions,
    IReadOnlyList<DisclosedExpert> Experts,
    IReadOnlyList<DisclosedHistoryEntry> History,
    IReadOnlyList<string> BlindWarnings)
{
    public const string Hidden = BlindReview.HiddenText;

    public bool Blind => Policy.IsBlind;

    public string StatusName => Status.ToChinese();

    /// <summary>The signed sections of the current round, in the order of the form.</summary>
    public IEnumerable<DisclosedOpinion> CurrentOpinions =>
        Opinions.Where(o => o.Round == Round).OrderBy(o => o.Stage).ThenBy(o => o.SignedAt);

    /// <summary>The latest signature of <paramref name="stage"/> in the current round, if the viewer may see it.</summary>
    public DisclosedOpinion? Latest(ReviewStage stage) =>
        Opinions.Where(o => o.Round == Round && o.Stage == stage).MaxBy(o => o.SignedAt);

    /// <summary>The last return (退回修改) while the application is returned, as the viewer may see it.</summary>
    public DisclosedHistoryEntry? LastReturn => History.LastOrDefault(h => h.Action == ReviewTrigger.Return.ToChinese());

    /// <summary>The last deferral (暂缓结项), with its reason and due date in the note.</summary>
    public DisclosedHistoryEntry? LastDeferral => History.LastOrDefault(h => h.Action == ReviewTrigger.Defer.ToChinese());

    /// <summary>The researcher's request for 免于鉴定, or null when none was made or the viewer is blind.</summary>
    public DisclosedExemption? Exemption { get; init; }

    /// <summary>The due date of a deferral, while the application is deferred.</summary>
    public DateOnly? DeferredUntil { get; init; }

    /// <param name="application">With Project (Unit, Region, Category), Opinions, ExpertAssignments and History loaded.</param>
    /// <param name="expertNames">Account names by user id, for the experts the policy lets this viewer name (may be empty).</param>
    public static DisclosedApplication Build(ClosureApplication application, DisclosurePolicy policy,
        IReadOnlyDictionary<string, string>? expertNames = null)
    {
        var project = application.Project;
        var blind = policy.IsBlind;
        string Id(string value) => policy.Applicant(value);

        return new DisclosedApplication(
            policy,
            project.Code,
            project.Title,
            project.Category.Name,
            application.Status,
            application.Round,
            project.Unit.Region.IsCityLevel,
            Id(application.CurrentLeader.Name),
            Id(project.Unit.Name),
            application.FillDate,
            application.SubmittedAt,
            application.Sensitive,
            application.Classified,
            application.DeclarationConfirmed,
            application.ResultTitle,
            project.PlannedOutputForm,
            application.CurrentOutputForm,
            project.PlannedCompletion,
            application.ActualCompletion,
            Person(project.OriginalLeader, policy),
            Person(application.CurrentLeader, policy),
            Members(project.OriginalParticipants, policy),
            Members(application.CurrentParticipants, policy),
            ChangeTable.Build(project, application, blind, maskContact: !policy.SeesContactDetails),
            application.ReportText,
            application.CertificateNumber,
            DiscloseOpinions(application, policy),
            DiscloseExperts(application, policy, expertNames ?? new Dictionary<string, string>()),
            DiscloseHistory(application, policy),
            blind ? [] : ReportWarnings(application, application.ReportText))
        {
            Exemption = application.ExemptionRequested && policy.SeesApplicant
                ? new DisclosedExemption(application.ExemptionGround ?? "", application.ExemptionDescription, application.ExemptionDecision)
                : null,
            DeferredUntil = application.Status == ApplicationStatus.Deferred ? application.DeferredUntil : null,
            Attachments = DiscloseAttachments(application, policy),
        };
    }

    /// <summary>Supporting files this viewer may see and download (see <see cref="DisclosurePolicy.SeesAttachment"/>), in upload order.</summary>
    public IReadOnlyList<DisclosedAttachment> Attachments { get; init; } = [];

    private static List<DisclosedAttachment> DiscloseAttachments(ClosureApplication application, DisclosurePolicy policy)
    {
        var shown = new List<DisclosedAttachment>();
        var numbers = new Dictionary<AttachmentKind, int>();
        foreach (var a in application.Attachments.OrderBy(a => a.Id))
        {
            if (!policy.SeesAttachment(a.BlindSafe, a.FrozenRound)) continue;
            numbers[a.Kind] = numbers.GetValueOrDefault(a.Kind) + 1;
            var stored = UploadAttachment.CleanFileName(a.FileName);
            var name = policy.IsBlind ? $"{a.Kind.ToChinese()}-{numbers[a.Kind]}{Path.GetExtension(stored).ToLowerInvariant()}" : stored;
            shown.Add(new DisclosedAttachment(a.Id, a.Kind, name, a.ContentType, a.Size, a.Sha256, a.BlindSafe, a.FrozenRound, a.UploadedAt));
        }
        return shown;
    }

    /// <summary>The names experts must not read in the report: leaders, participants, the unit (shown to the researcher and reviewers).</summary>
    public static IReadOnlyList<string> ReportWarnings(ClosureApplication application, string text) =>
        ReportOutline.BlindReviewWarnings(text,
            [application.Project.OriginalLeader.Name, application.CurrentLeader.Name],
            application.Project.OriginalParticipants.Concat(application.CurrentParticipants).Select(p => p.Name),
            [application.Project.Unit.Name, application.CurrentLeader.Unit]);

    private static DisclosedPerson Person(PersonDetails p, DisclosurePolicy policy) => !policy.SeesApplicant
        ? new DisclosedPerson(Hidden, Hidden, Hidden, Hidden, null, null, Hidden, Hidden, Hidden, Hidden, Hidden)
        : policy.SeesContactDetails
            ? new DisclosedPerson(p.Name, p.Gender, p.Ethnicity, ChangeRecord.FormatYearMonth(p.BirthYear, p.BirthMonth),
                p.BirthYear, p.BirthMonth, p.Unit, p.AdministrativePost, p.ProfessionalTitle, p.Address, p.Phone)
            // The printed birth cell keeps the year and leaves the month blank.
            : new DisclosedPerson(p.Name, p.Gender, p.Ethnicity, PersonalData.MaskBirth(p.BirthYear, p.BirthMonth),
                p.BirthYear, null, p.Unit, p.AdministrativePost, p.ProfessionalTitle, p.Address, PersonalData.MaskPhone(p.Phone));

    private static List<DisclosedMember> Members(IEnumerable<Participant> people, DisclosurePolicy policy) =>
        people.OrderBy(p => p.SortOrder)
            .Select(p => policy.SeesApplicant
                ? new DisclosedMember(p.Name, p.Unit, p.Title, policy.SeesContactDetails ? p.Phone : PersonalData.MaskPhone(p.Phone))
                : new DisclosedMember(Hidden, Hidden, Hidden, Hidden))
            .ToList();

    private static List<DisclosedOpinion> DiscloseOpinions(ClosureApplication application, DisclosurePolicy policy) =>
        application.Opinions
            .Where(o => o.Stage switch
            {
                ReviewStage.Unit or ReviewStage.County => policy.SeesLowerReviews,
                ReviewStage.Expert => o.SignerUserId == policy.ViewerUserId
                    || (policy.SeesOtherAppraisals && o.Round == application.Round) || policy.Viewer == ViewerKind.Federation,
                _ => true,
            })
            .OrderBy(o => o.Round).ThenBy(o => o.Stage).ThenBy(o => o.SignedAt)
            .Select(o =>
            {
                var expert = o.Stage is ReviewStage.Expert or ReviewStage.ChiefExpert;
                var named = !expert || policy.SeesExpertName(o.SignerUserId);
                return new DisclosedOpinion(o.Stage, o.Round, o.HasProblem, o.Agrees, o.Grade, o.OpinionText,
                    named ? o.SignerName : Hidden, named ? o.SignerUnit : "", o.SignedAt, o.VerificationCode,
                    o.SignerUserId == policy.ViewerUserId, named ? o.SignerPost : "");
            })
            .ToList();

    private static List<DisclosedExpert> DiscloseExperts(ClosureApplication application, DisclosurePolicy policy,
        IReadOnlyDictionary<string, string> names)
    {
        if (!policy.SeesExpertPanel) return [];
        return application.ExpertAssignments.Where(e => e.Round == application.Round)
            .OrderByDescending(e => e.IsChief)
            .Select(e => new DisclosedExpert(
                policy.ExpertName(names.GetValueOrDefault(e.ExpertUserId, "?"), e.ExpertUserId),
                e.IsChief,
                application.Opinions.Any(o => o.Round == application.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == e.ExpertUserId)))
            .ToList();
    }

    /// <summary>Who acted in an audit line: the action's party from the state it left (<see cref="WorkflowStages"/>);
    /// lines written by other features count as the applicant's side.</summary>
    private static WorkflowParty PartyOf(AuditEntry h) =>
        Enum.TryParse<ReviewTrigger>(h.Action, out var trigger) && Enum.IsDefined(trigger) && h.FromStatus is { } from
            ? WorkflowActions.Of(trigger).PartyFrom(from)
            : WorkflowParty.Applicant;

    private static List<DisclosedHistoryEntry> DiscloseHistory(ClosureApplication application, DisclosurePolicy policy)
    {
        var entries = new List<DisclosedHistoryEntry>();
        foreach (var h in application.History.OrderBy(h => h.At).ThenBy(h => h.Id))
        {
            var party = PartyOf(h);
            var mine = h.ActorUserId == policy.ViewerUserId;
            // Individual appraisals: whoever may not see the panel learns only that the experts have it. An expert's
            // step that moves the application (谢绝鉴定, back to intake) shows, as 鉴定专家 and without its note.
            if (party == WorkflowParty.Expert && h.FromStatus == h.ToStatus && !mine && !policy.SeesExpertPanel) continue;
            var actor = party switch
            {
                WorkflowParty.Applicant => policy.Applicant(h.ActorName),
                WorkflowParty.Expert => policy.SeesExpertName(h.ActorUserId) ? h.ActorName : "鉴定专家",
                WorkflowParty.ChiefExpert => policy.SeesExpertName(h.ActorUserId) ? h.ActorName : "主审专家",
                _ => h.ActorName,
            };
            var known = Enum.TryParse<ReviewTrigger>(h.Action, out var trigger);
            // Notes are written for the researcher and may name anyone: a blind viewer reads only those
            // that print in 四 and 五 anyway; only the federation reads the names of the assigned experts.
            var noteShown = trigger switch
            {
                _ when mine => true,
                ReviewTrigger.AssignExperts or ReviewTrigger.Decline => policy.Viewer == ViewerKind.Federation,
                ReviewTrigger.CompleteAppraisal or ReviewTrigger.Conclude or ReviewTrigger.Reject => known,
                _ => policy.SeesApplicant,
            };
            entries.Add(new DisclosedHistoryEntry(h.At, h.Round, ReviewTriggerNames.ActionToChinese(h.Action),
                h.FromStatus, h.ToStatus, actor, noteShown ? h.Note : ""));
        }
        return entries;
    }
}
