using System.Security.Claims;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Disclosure;

/// <summary>Who is looking at an application, as far as blind review is concerned.</summary>
public enum ViewerKind
{
    /// <summary>Not signed in, or signed in without any tie to the application (e.g. /verify).</summary>
    Anonymous,
    /// <summary>The leader (项目负责人).</summary>
    Researcher,
    /// <summary>A reviewer of the applicant's unit (二).</summary>
    UnitReviewer,
    /// <summary>A reviewer of the county/district federation of the applicant's unit (三).</summary>
    CountyReviewer,
    /// <summary>An assigned expert who is not the chief of the current round.</summary>
    Expert,
    /// <summary>The chief expert (主审专家) of the current round.</summary>
    ChiefExpert,
    /// <summary>The city federation (市社科联).</summary>
    Federation,
}

/// <summary>How much of an application's 自建库查重 result a viewer sees (<see cref="DisclosurePolicy.Reuse"/>).</summary>
public enum ReuseDisclosure
{
    None = 0,
    /// <summary>The percentage only.</summary>
    Share = 1,
    /// <summary>The percentage and the matched passages in the report under review; nothing about the sources.</summary>
    Passages = 2,
    /// <summary>Everything: the sources' 编号, 年度, 名称 and 负责人, and both texts side by side.</summary>
    Sources = 3,
}

/// <summary>
/// The one decision of what a viewer may learn about one application (docs/blind-review.md). Every output —
/// pages, PDFs, history, lists, /verify — is built from <see cref="ApplicationDisclosure"/>, which asks this
/// policy; nothing else decides what blind review hides.
/// </summary>
public sealed class DisclosurePolicy
{
    private DisclosurePolicy(ViewerKind viewer, string? viewerUserId, ApplicationStatus status, bool seesOtherAppraisals)
    {
        Viewer = viewer;
        ViewerUserId = viewerUserId;
        AppraisalOver = status is ApplicationStatus.Concluded or ApplicationStatus.Rejected;
        SeesOtherAppraisals = seesOtherAppraisals;
    }

    public ViewerKind Viewer { get; }

    public string? ViewerUserId { get; }

    /// <summary>The application is concluded or rejected: no expert will appraise it any more.</summary>
    public bool AppraisalOver { get; }

    /// <summary>
    /// The applicant's identity: names, phones, addresses, units, county, gender, ethnicity, birth and posts of
    /// the leader and participants (原 and 现), and the same inside 变更的内容. Experts and the public never.
    /// </summary>
    public bool SeesApplicant => Viewer is ViewerKind.Researcher or ViewerKind.UnitReviewer
        or ViewerKind.CountyReviewer or ViewerKind.Federation;

    /// <summary>
    /// 个人信息: the applicant's phones and birth months in full — the leader (their own) and the city federation (who
    /// contact researchers). The unit and the county review the work and its author's eligibility: they read phones
    /// masked (138****5678) and the year of birth only. Blind viewers see none of it (<see cref="SeesApplicant"/>).
    /// </summary>
    public bool SeesContactDetails => Viewer is ViewerKind.Researcher or ViewerKind.Federation;

    /// <summary>Experts appraise blind.</summary>
    public bool IsBlind => !SeesApplicant;

    /// <summary>
    /// Sections 二 and 三 (the unit's and the county's opinion, signer, seal and code) identify the applicant's
    /// unit and county, and their free text may name people: blind viewers see only that they are hidden.
    /// </summary>
    public bool SeesLowerReviews => SeesApplicant;

    /// <summary>Expert names: only the city federation; each expert sees only themself.</summary>
    public bool SeesExpertName(string expertUserId) =>
        Viewer == ViewerKind.Federation || (ViewerUserId is not null && expertUserId == ViewerUserId);

    /// <summary>Other experts' own appraisals (independence, not identity): the federation, and the chief once all are in.</summary>
    public bool SeesOtherAppraisals { get; }

    /// <summary>Which experts are assigned and who has appraised: the federation, and the chief (names still by <see cref="SeesExpertName"/>).</summary>
    public bool SeesExpertPanel => Viewer is ViewerKind.Federation || (Viewer == ViewerKind.ChiefExpert && SeesOtherAppraisals);

    /// <summary>The review history page (审核历史) with its round-by-round diffs of identifying fields.</summary>
    public bool SeesHistoryPage => SeesApplicant;

    /// <summary>
    /// A supporting file: the researcher sees every one, drafts included; the unit, the county and the federation
    /// those submitted (frozen with a round); experts only submitted ones the researcher marked blind-safe; the public none.
    /// </summary>
    public bool SeesAttachment(bool blindSafe, int? frozenRound) => Viewer switch
    {
        ViewerKind.Researcher => true,
        ViewerKind.UnitReviewer or ViewerKind.CountyReviewer or ViewerKind.Federation => frozenRound is not null,
        ViewerKind.Expert or ViewerKind.ChiefExpert => frozenRound is not null && blindSafe,
        _ => false,
    };

    /// <summary>
    /// 自建库查重 (docs/reuse.md): the federation everything — the share, the sources (编号, 年度, 名称, 负责人) and both texts
    /// side by side; the unit and the county the share; experts the share and the passages of the report under review,
    /// never which reports they were found in (a source's identity names another applicant, and its text may); the
    /// researcher the share once the federation has decided (concluded or rejected), nothing before.
    /// </summary>
    public ReuseDisclosure Reuse => Viewer switch
    {
        ViewerKind.Federation => ReuseDisclosure.Sources,
        ViewerKind.UnitReviewer or ViewerKind.CountyReviewer => ReuseDisclosure.Share,
        ViewerKind.Expert or ViewerKind.ChiefExpert => ReuseDisclosure.Passages,
        ViewerKind.Researcher when AppraisalOver => ReuseDisclosure.Share,
        _ => ReuseDisclosure.None,
    };

    /// <summary>An identifying value of the applicant, or the blind marker.</summary>
    public string Applicant(string value) => SeesApplicant ? value : BlindReview.HiddenText;

    /// <summary>An expert's name, or the blind marker.</summary>
    public string ExpertName(string name, string expertUserId) => SeesExpertName(expertUserId) ? name : BlindReview.HiddenText;

    /// <summary>
    /// Lists (review queues, 待办) are projected per role, before any application is loaded: a role that
    /// appraises blind gets rows that never select the leader or the unit.
    /// </summary>
    public static bool ListsApplicantFor(string role) => role != Roles.Expert;

    /// <summary>The policy for <paramref name="user"/> on <paramref name="application"/> (Project, Unit, ExpertAssignments and Opinions loaded).</summary>
    public static DisclosurePolicy For(ClaimsPrincipal user, ClosureApplication application) =>
        For(new ApplicationAuthorizationHandler.Actor(user), application);

    internal static DisclosurePolicy For(ApplicationAuthorizationHandler.Actor actor, ClosureApplication application) =>
        new DisclosurePolicy(KindOf(actor, application), actor.UserId, application.Status,
            ApplicationAuthorizationHandler.IsAllowed(actor, nameof(ApplicationOperations.SeeExpertAppraisals), application));

    /// <summary>A viewer of a kind, for no one in particular: submission checks that every copy prints.</summary>
    internal static DisclosurePolicy OfKind(ViewerKind kind, ClosureApplication application) =>
        new(kind, null, application.Status, seesOtherAppraisals: false);

    /// <summary>The public, e.g. whoever holds a printed code and opens /verify.</summary>
    public static DisclosurePolicy Anonymous(ClosureApplication application) =>
        new(ViewerKind.Anonymous, null, application.Status, seesOtherAppraisals: false);

    /// <summary>
    /// One user may hold several roles; the most knowing relation to this application wins, and an expert
    /// is blind only when nothing else ties them to it (a federation member assigned as expert still sees names).
    /// </summary>
    internal static ViewerKind KindOf(ApplicationAuthorizationHandler.Actor actor, ClosureApplication application)
    {
        if (actor.Is(Roles.MunicipalFederation)) return ViewerKind.Federation;
        if (actor.IsLeaderOf(application)) return ViewerKind.Researcher;
        if (actor.IsUnitReviewerOf(application)) return ViewerKind.UnitReviewer;
        if (actor.IsCountyReviewerOf(application)) return ViewerKind.CountyReviewer;
        if (actor.AssignmentInCurrentRound(application)?.IsChief == true) return ViewerKind.ChiefExpert;
        if (actor.Is(Roles.Expert) && application.ExpertAssignments.Any(e => e.ExpertUserId == actor.UserId)) return ViewerKind.Expert;
        return ViewerKind.Anonymous;
    }

    /// <summary>What /verify may say about the signer of <paramref name="stage"/> (see docs/blind-review.md).</summary>
    public (string Signer, string Unit) VerifiedSigner(ReviewStage stage, string signerName, string signerUnit) => stage switch
    {
        // Experts stay unknown to the public, hence to researchers, for ever.
        ReviewStage.Expert => ("鉴定专家", ""),
        ReviewStage.ChiefExpert => ("主审专家", ""),
        // The unit and the county name the applicant: not while any expert may still be appraising.
        ReviewStage.Unit or ReviewStage.County when !SeesApplicant && !AppraisalOver => (BlindReview.HiddenText, BlindReview.HiddenText),
        _ => (signerName, signerUnit),
    };
}
