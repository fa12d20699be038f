using BaZhouTalent.Application.Workflow;

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

    /// <summary>The final report, stored in a table of its own (<see cref="ApplicationReport"/>).</summary>
    public ApplicationReport Report { get; set; } = new();

    /// <summary>The final report in <c>ReportMarkup</c> form: one paragraph a line, <c>**bold**</c> runs.
    /// Not a column: reads and writes <see cref="Report"/>, so it cannot be used inside a query.</summary>
    public string ReportText
    {
        get => Report.Text;
        set => Report.Text = value;
    }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>
    /// When the application last moved (its latest history entry, into <see cref="Status"/>): how long it has waited
    /// where it is. A column of its own so that queues count, sort and page by it in the database.
    /// </summary>
    public DateTimeOffset? StatusSince { get; private set; }
    /// <summary>结项证书编号, e.g. 巴社科结〔2025〕027号, issued on approval.</summary>
    public string? CertificateNumber { get; private set; }

    /// <summary>申请免于鉴定: the researcher asks the federation to conclude without expert appraisal.</summary>
    public bool ExemptionRequested { get; private set; }
    /// <summary>The ground chosen from <c>Closure:ExemptionGrounds</c>, as it read when chosen.</summary>
    public string? ExemptionGround { get; private set; }
    /// <summary>What the researcher adds to the ground (required for 市社科联认可的其他情形).</summary>
    public string? ExemptionDescription { get; private set; }
    /// <summary>The federation's answer to the request in the current round; null until it answers.</summary>
    public ExemptionDecision? ExemptionDecision { get; private set; }
    /// <summary>暂缓结项: the date by which the researcher should resubmit; null unless deferred.</summary>
    public DateOnly? DeferredUntil { get; private set; }

    /// <summary>The researcher asked for exemption and the federation has not answered in this round.</summary>
    public bool ExemptionPending => ExemptionRequested && ExemptionDecision is null;

    /// <summary>
    /// The project's 项目名称, copied when the draft is started (a registered title never changes), so that the review
    /// queues sort and search by title along their own index instead of joining every project waiting at a stage.
    /// </summary>
    public string ProjectTitle { get; private set; } = "";

    /// <summary>Optimistic concurrency: changes on every save, so a stale page cannot overwrite newer data.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ReviewOpinion> Opinions { get; set; } = [];
    public List<ExpertAssignment> ExpertAssignments { get; set; } = [];
    public List<ApplicationRevision> Revisions { get; set; } = [];
    public List<AuditEntry> History { get; set; } = [];
    /// <summary>Supporting files (附件); their bytes are in the file store.</summary>
    public List<Attachment> Attachments { get; set; } = [];
    /// <summary>自建库查重 of each round (read by lists; written only by the reuse worker).</summary>
    public List<ReuseCheck> ReuseChecks { get; set; } = [];

    /// <summary>A new draft whose “现” side starts as a copy of the register's “原” side.</summary>
    public static ClosureApplication StartFor(FundedProject project, DateTimeOffset now) => new()
    {
        Project = project,
        ProjectId = project.Id,
        ProjectTitle = project.Title,
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

    // ---- Intent methods: the only way the review chain moves. Each checks the workflow first
    // (an illegal trigger throws ReviewRuleException with a Chinese message), records what it must,
    // then fires the machine and appends one AuditEntry. The caller saves.

    /// <summary>
    /// 提交: Draft or Returned → UnitReview. A resubmission (after a return or a withdrawal) starts the next
    /// round. Freezes the content as this round's <see cref="ApplicationRevision"/>; callers must not add one.
    /// Requires Project loaded.
    /// </summary>
    public void Submit(ReviewActor actor, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Submit);
        if (SubmittedAt is not null)
            StartNextRound();
        // A new round asks the federation again: an earlier answer on exemption and a deferral's due date are history.
        ExemptionDecision = null;
        DeferredUntil = null;
        MarkSubmitted(now);
        if (!Revisions.Any(r => r.Round == Round))
        {
            var json = ApplicationSnapshot.ToJson(this);
            Revisions.Add(new ApplicationRevision
            {
                ApplicationId = Id,
                Round = Round,
                SubmittedAt = now,
                SubmittedByUserId = actor.UserId,
                Content = json,
                Fingerprint = ApplicationSnapshot.FingerprintOf(json),
            });
        }
        Fire(ReviewTrigger.Submit, actor, now, "");
    }

    /// <summary>撤回: UnitReview → Draft, before the unit acts.</summary>
    public void Withdraw(ReviewActor actor, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Withdraw);
        Fire(ReviewTrigger.Withdraw, actor, now, "");
    }

    /// <summary>二、单位审核 signed: UnitReview → CountyReview, or → FederationIntake for a city-level unit.</summary>
    public ReviewOpinion ApproveByUnit(ReviewActor actor, OpinionInput opinion, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.ApproveByUnit);
        var signed = Sign(ReviewStage.Unit, actor, opinion with { Grade = null }, now);
        Fire(ReviewTrigger.ApproveByUnit, actor, now, opinion.Text);
        return signed;
    }

    /// <summary>三、县（区）社科联 signed: CountyReview → FederationIntake.</summary>
    public ReviewOpinion ApproveByCounty(ReviewActor actor, OpinionInput opinion, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.ApproveByCounty);
        var signed = Sign(ReviewStage.County, actor, opinion with { Grade = null }, now);
        Fire(ReviewTrigger.ApproveByCounty, actor, now, opinion.Text);
        return signed;
    }

    /// <summary>
    /// 受理: FederationIntake → ExpertReview with one or more experts, exactly one of them chief, none in
    /// conflict of interest (<see cref="ConflictOfInterest"/>, which also keeps out an expert who declined it). After a
    /// decline the round's other experts stay (with any appraisal they made) and the new ones join them: the chief is
    /// then the new one marked chief, or <paramref name="chiefAmongAssigned"/> (an expert already in the round), or the
    /// round's chief as it was. Requires Project.Unit and History loaded.
    /// </summary>
    public void AssignExperts(ReviewActor actor, IReadOnlyList<ExpertCandidate> experts, DateTimeOffset now, string? chiefAmongAssigned = null)
    {
        EnsureCanFire(ReviewTrigger.AssignExperts);
        var staying = ExpertAssignments.Where(e => e.Round == Round).ToList();
        if (experts.Count == 0)
            throw new ReviewRuleException("请至少选择一位鉴定专家。");
        if (experts.Select(e => e.UserId).Distinct().Count() != experts.Count)
            throw new ReviewRuleException("同一位专家不能重复选择。");
        if (experts.FirstOrDefault(e => staying.Any(s => s.ExpertUserId == e.UserId)) is { } twice)
            throw new ReviewRuleException($"{twice.Name}已是本轮鉴定专家，不能重复分配。");
        if (chiefAmongAssigned is not null && staying.All(s => s.ExpertUserId != chiefAmongAssigned))
            throw new ReviewRuleException("主审专家须是本轮鉴定专家之一。");
        var newChiefs = experts.Count(e => e.IsChief) + (chiefAmongAssigned is null ? 0 : 1);
        if (newChiefs > 1 || (newChiefs == 0 && !staying.Any(s => s.IsChief)))
            throw new ReviewRuleException("请在所选专家中指定一位主审专家。");
        foreach (var expert in experts)
        {
            if (ConflictOfInterest.ReasonFor(this, expert) is { } reason)
                throw new ReviewRuleException(reason);
        }
        if (newChiefs == 1)
        {
            foreach (var s in staying)
                s.IsChief = s.ExpertUserId == chiefAmongAssigned;
        }
        // The stayers' assignments were closed when the decline sent the application back; they are open again with it.
        foreach (var s in staying)
            s.ClosedAt = null;
        foreach (var expert in experts)
        {
            ExpertAssignments.Add(new ExpertAssignment
            {
                ApplicationId = Id,
                Round = Round,
                ExpertUserId = expert.UserId,
                IsChief = expert.IsChief,
                AssignedAt = now,
                AssignedByUserId = actor.UserId,
            });
        }
        var note = string.Join("、", experts.OrderByDescending(e => e.IsChief).Select(e => e.IsChief ? $"{e.Name}（主审）" : e.Name));
        Fire(ReviewTrigger.AssignExperts, actor, now, staying.Count > 0 ? $"补充分配：{note}" : note);
    }

    /// <summary>
    /// 谢绝鉴定: an expert of the current round who has not appraised declines, with a kind (回避 or 无法按期) and a reason:
    /// ExpertReview → FederationIntake for a replacement. Their assignment goes (so the application leaves their 待办 and,
    /// unless they appraised an earlier round, their sight); the others of the round keep theirs and what they appraised.
    /// The history line (the expert as actor) keeps them from being assigned to it again (<see cref="ConflictOfInterest"/>).
    /// </summary>
    public void Decline(ReviewActor actor, DeclineKind kind, string reason, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Decline);
        var assignment = ExpertAssignments.FirstOrDefault(e => e.Round == Round && e.ExpertUserId == actor.UserId)
            ?? throw new ReviewRuleException("您不是本轮的鉴定专家。");
        if (Opinions.Any(o => o.Round == Round && o.Stage == ReviewStage.Expert && o.SignerUserId == actor.UserId))
            throw new ReviewRuleException("您已提交本轮鉴定意见，不能再谢绝鉴定。");
        if (!Enum.IsDefined(kind))
            throw new ReviewRuleException("请选择谢绝鉴定的原因（回避或无法按期）。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReviewRuleException("请填写谢绝鉴定的说明。");
        ExpertAssignments.Remove(assignment);
        Fire(ReviewTrigger.Decline, actor, now, $"{kind.ToChinese()}：{reason.Trim()}");
    }

    /// <summary>Whether the expert <paramref name="expertUserId"/> declined this application (in any round).</summary>
    public bool WasDeclinedBy(string expertUserId) =>
        History.Any(h => h.Action == nameof(ReviewTrigger.Decline) && h.ActorUserId == expertUserId);

    /// <summary>
    /// 申请免于鉴定 on <paramref name="ground"/>, with <paramref name="description"/>: an edit of the application,
    /// allowed while the researcher may change it (the caller checks Edit). Which grounds exist and which needs
    /// a description is the caller's (configured) rule.
    /// </summary>
    public void RequestExemption(string ground, string? description, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(ground))
            throw new ReviewRuleException("请选择申请免于鉴定的依据。");
        ExemptionRequested = true;
        ExemptionGround = ground.Trim();
        ExemptionDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        UpdatedAt = now;
    }

    /// <summary>Withdraws the request: the application goes to expert appraisal as usual.</summary>
    public void CancelExemptionRequest(DateTimeOffset now)
    {
        ExemptionRequested = false;
        ExemptionGround = null;
        ExemptionDescription = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// 同意免于鉴定 at intake: FederationIntake → FederationReview without experts. The federation signs in place of
    /// 四 with the grade it sets (<paramref name="grade"/> null = 免鉴); 五 and the certificate follow as usual.
    /// </summary>
    public ReviewOpinion GrantExemption(ReviewActor actor, AppraisalGrade? grade, string opinionText, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.GrantExemption);
        var text = string.IsNullOrWhiteSpace(opinionText) ? DefaultGrantText : opinionText;
        var signed = Sign(ReviewStage.Exemption, actor, new OpinionInput(null, true, grade, text), now);
        // Fired before the answer is recorded: the guard asks whether the request is still open.
        Fire(ReviewTrigger.GrantExemption, actor, now, $"鉴定等级：{ExemptionGradeName(grade)}");
        ExemptionDecision = Domain.ExemptionDecision.Granted;
        return signed;
    }

    /// <summary>不同意免于鉴定 at intake with a reason: the application stays in FederationIntake for expert assignment.</summary>
    public void RefuseExemption(ReviewActor actor, string reason, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.RefuseExemption);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReviewRuleException("不同意免于鉴定须填写理由。");
        Fire(ReviewTrigger.RefuseExemption, actor, now, reason.Trim());
        ExemptionDecision = Domain.ExemptionDecision.Refused;
    }

    public const string DefaultGrantText = "同意免于鉴定。";

    /// <summary>The grade of an exemption as printed and listed: 优秀/良好/合格, or 免鉴 when none was set.</summary>
    public static string ExemptionGradeName(AppraisalGrade? grade) => grade switch
    {
        AppraisalGrade.Excellent => "优秀",
        AppraisalGrade.Good => "良好",
        AppraisalGrade.Pass => "合格",
        _ => "免鉴",
    };

    /// <summary>One assigned expert's own appraisal (not printed alone); the state stays ExpertReview.</summary>
    public ReviewOpinion RecordAppraisal(ReviewActor actor, OpinionInput opinion, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Appraise);
        if (!ExpertAssignments.Any(e => e.Round == Round && e.ExpertUserId == actor.UserId))
            throw new ReviewRuleException("您不是本轮的鉴定专家。");
        if (Opinions.Any(o => o.Round == Round && o.Stage == ReviewStage.Expert && o.SignerUserId == actor.UserId))
            throw new ReviewRuleException("您已提交本轮鉴定意见，不能重复提交。");
        // Fired before signing: the guard asks whether an appraisal is still missing, which this one may complete.
        Fire(ReviewTrigger.Appraise, actor, now, "");
        return Sign(ReviewStage.Expert, actor, opinion, now);
    }

    /// <summary>四、专家鉴定意见 by the chief expert once every expert has recorded: ExpertReview → FederationReview.</summary>
    public ReviewOpinion CompleteAppraisal(ReviewActor actor, OpinionInput opinion, DateTimeOffset now)
    {
        if (!ExpertAssignments.Any(e => e.Round == Round && e.ExpertUserId == actor.UserId && e.IsChief))
            throw new ReviewRuleException("只有本轮主审专家可以签署综合鉴定意见。");
        if (Status == ApplicationStatus.ExpertReview && !ReviewWorkflow.AllExpertsAppraised(this))
            throw new ReviewRuleException("尚有专家未提交鉴定意见，全部专家鉴定后主审专家才能签署综合意见。");
        EnsureCanFire(ReviewTrigger.CompleteAppraisal);
        var signed = Sign(ReviewStage.ChiefExpert, actor, opinion, now);
        Fire(ReviewTrigger.CompleteAppraisal, actor, now, opinion.Text);
        return signed;
    }

    /// <summary>五、同意结项: FederationReview → Concluded, issuing <paramref name="certificateNumber"/>
    /// (see <see cref="CertificateNumbers"/>).</summary>
    public ReviewOpinion Conclude(ReviewActor actor, string opinionText, string certificateNumber, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Conclude);
        if (string.IsNullOrWhiteSpace(certificateNumber))
            throw new ReviewRuleException("结项证书编号不能为空。");
        var signed = Sign(ReviewStage.Federation, actor, new OpinionInput(null, true, null, opinionText), now);
        IssueCertificate(certificateNumber);
        Fire(ReviewTrigger.Conclude, actor, now, certificateNumber);
        Project?.MarkConcluded();
        return signed;
    }

    /// <summary>A register correction of the project's title (更正登记) reaches the copy the queues sort by.</summary>
    internal void RenameProject(string title) => ProjectTitle = title;

    /// <summary>五、不予结项 with a reason: FederationReview → Rejected.</summary>
    public ReviewOpinion Reject(ReviewActor actor, string reason, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Reject);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReviewRuleException("不予结项须填写理由。");
        var signed = Sign(ReviewStage.Federation, actor, new OpinionInput(null, false, null, reason.Trim()), now);
        Fire(ReviewTrigger.Reject, actor, now, reason.Trim());
        return signed;
    }

    /// <summary>
    /// 暂缓结项 with a reason and a due date: FederationReview → Deferred. The researcher revises and resubmits by
    /// <paramref name="dueDate"/>, which starts a new round through the unit (and county) again.
    /// </summary>
    public void Defer(ReviewActor actor, string reason, DateOnly dueDate, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Defer);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReviewRuleException("暂缓结项须填写理由和修改要求。");
        if (dueDate <= Common.ChinaTime.ChinaDate(now))
            throw new ReviewRuleException("修改期限须晚于今天。");
        DeferredUntil = dueDate;
        Fire(ReviewTrigger.Defer, actor, now, $"{reason.Trim()}（修改期限：{dueDate:yyyy年M月d日}前）");
    }

    /// <summary>退回修改 with a reason from any review state → Returned; the researcher revises and resubmits.</summary>
    public void Return(ReviewActor actor, string reason, DateTimeOffset now)
    {
        EnsureCanFire(ReviewTrigger.Return);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReviewRuleException("退回修改须填写理由。");
        Fire(ReviewTrigger.Return, actor, now, reason.Trim());
    }

    /// <summary>Whether <paramref name="trigger"/> is legal now (state and guards; not who asks).</summary>
    public bool CanFire(ReviewTrigger trigger) => ReviewWorkflow.CanFire(this, trigger);

    public IReadOnlyList<ReviewTrigger> PermittedTriggers => ReviewWorkflow.PermittedTriggers(this);

    private void EnsureCanFire(ReviewTrigger trigger)
    {
        if (!ReviewWorkflow.CanFire(this, trigger))
            throw new ReviewRuleException($"当前状态为“{Status.ToChinese()}”，不能执行“{trigger.ToChinese()}”。");
    }

    private ReviewOpinion Sign(ReviewStage stage, ReviewActor actor, OpinionInput input, DateTimeOffset now)
    {
        var opinion = new ReviewOpinion
        {
            ApplicationId = Id,
            Round = Round,
            Stage = stage,
            HasProblem = input.HasProblem,
            Agrees = input.Agrees,
            Grade = input.Grade,
            OpinionText = input.Text.Trim(),
            SignerUserId = actor.UserId,
            SignerName = actor.Name,
            SignerPost = actor.Post,
            SignerUnit = actor.Unit,
            SignedAt = now,
            ContentFingerprint = ApplicationSnapshot.Fingerprint(this),
            VerificationCode = VerificationCodes.New(),
        };
        Opinions.Add(opinion);
        return opinion;
    }

    private void Fire(ReviewTrigger trigger, ReviewActor actor, DateTimeOffset now, string note)
    {
        var from = Status;
        ReviewWorkflow.For(this).Fire(trigger);
        UpdatedAt = now;
        StatusSince = now;
        // Leaving the experts closes the round's assignments: the experts' queues read only the open ones. While with
        // them, each open assignment carries the application's time (every step there moves it, an appraisal too) and
        // its submission time (the experts' list is sorted by it).
        foreach (var assignment in ExpertAssignments.Where(e => e.Round == Round && e.ClosedAt == null))
        {
            if (Status == ApplicationStatus.ExpertReview)
            {
                assignment.AwaitingSince = now;
                assignment.SubmittedAt = SubmittedAt;
            }
            else if (from == ApplicationStatus.ExpertReview)
                assignment.ClosedAt = now;
        }
        History.Add(new AuditEntry
        {
            ApplicationId = Id,
            Round = Round,
            Action = trigger.ToString(),
            FromStatus = from,
            ToStatus = Status,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            At = now,
            Note = note,
        });
    }
}

/// <summary>The federation's answer to a request for 免于鉴定.</summary>
public enum ExemptionDecision
{
    /// <summary>同意免于鉴定: no experts; the federation set the grade or 免鉴.</summary>
    Granted = 1,
    /// <summary>不同意免于鉴定: experts appraise as usual.</summary>
    Refused = 2,
}
