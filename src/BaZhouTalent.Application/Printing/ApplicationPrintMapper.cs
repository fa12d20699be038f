using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Application.Printing;

/// <summary>
/// Maps an application (with its project, unit, category and opinions loaded) to what the paper form prints.
/// In blind mode the names of the leader, participants and units, and the contact details, are replaced,
/// so an expert's PDF carries no identity either.
/// </summary>
public static class ApplicationPrintMapper
{
    /// <summary>The edition of the form printed on the cover (巴中市社会科学界联合会 制).</summary>
    public const string FormEdition = "2025 年 10 月";

    public const string Hidden = BlindReview.HiddenText;

    public static ApplicationPrintModel Map(ClosureApplication application, IReadOnlyList<string> changeLines, bool blind)
    {
        var project = application.Project;
        string Reveal(string value) => blind ? Hidden : value;

        var opinions = application.Opinions.Where(o => o.Round == application.Round).ToList();
        ReviewOpinion? Latest(ReviewStage stage) =>
            opinions.Where(o => o.Stage == stage).OrderByDescending(o => o.SignedAt).FirstOrDefault();
        SignaturePrint Signature(ReviewOpinion o) =>
            new(Reveal(o.SignerName), Reveal(o.SignerUnit), o.SignedAt.ChinaDate(), o.VerificationCode, blind ? null : o.SignerPost);

        return new ApplicationPrintModel(
            new CoverPrint(project.Code, project.Category.Name, project.Title,
                Reveal(application.CurrentLeader.Name), Reveal(project.Unit.Name), application.FillDate, FormEdition),
            new DeclarationPrint(application.Sensitive, application.Classified,
                application.SubmittedAt is null ? null : Reveal(application.CurrentLeader.Name),
                application.SubmittedAt?.ChinaDate()),
            new ChangeRecordPrint(
                project.Title,
                application.ResultTitle,
                changeLines.Count > 0,
                changeLines.Count > 0 ? string.Join("；", changeLines) : null,
                project.PlannedOutputForm,
                application.CurrentOutputForm,
                project.PlannedCompletion,
                application.ActualCompletion,
                Leader(project.OriginalLeader, blind),
                Leader(application.CurrentLeader, blind),
                Participants(project.OriginalParticipants, blind),
                Participants(application.CurrentParticipants, blind)),
            Latest(ReviewStage.Unit) is { } unit
                ? new UnitOpinionPrint(unit.HasProblem, unit.Agrees, unit.OpinionText, Signature(unit)) : null,
            project.Unit.Region.IsCityLevel ? CountyOpinionPrint.NotApplicable
                : Latest(ReviewStage.County) is { } county
                    ? new CountyOpinionPrint(false, county.HasProblem, county.Agrees, county.OpinionText, Signature(county)) : null,
            Latest(ReviewStage.ChiefExpert) is { } chief
                ? new ExpertOpinionPrint(chief.HasProblem, chief.Agrees, Grade(chief.Grade), chief.OpinionText,
                    Reveal(chief.SignerName), chief.SignedAt.ChinaDate(), chief.VerificationCode) : null,
            Latest(ReviewStage.Federation) is { } federation
                ? new FederationOpinionPrint(federation.Agrees, federation.OpinionText, Signature(federation), application.CertificateNumber) : null,
            ReportMarkup.Parse(application.ReportText));
    }

    private static LeaderPrint Leader(PersonDetails person, bool blind) => blind
        ? new LeaderPrint(Hidden, person.Gender, person.Ethnicity, person.BirthYear, person.BirthMonth,
            Hidden, person.AdministrativePost, person.ProfessionalTitle, Hidden, Hidden)
        : new LeaderPrint(person.Name, person.Gender, person.Ethnicity, person.BirthYear, person.BirthMonth,
            person.Unit, person.AdministrativePost, person.ProfessionalTitle, person.Address, person.Phone);

    private static List<ParticipantPrint> Participants(IEnumerable<Participant> participants, bool blind) =>
        participants.OrderBy(p => p.SortOrder)
            .Select(p => blind
                ? new ParticipantPrint(Hidden, Hidden, p.Title, Hidden)
                : new ParticipantPrint(p.Name, p.Unit, p.Title, p.Phone))
            .ToList();

    private static AppraisalGradePrint? Grade(AppraisalGrade? grade) => grade switch
    {
        AppraisalGrade.Excellent => AppraisalGradePrint.Excellent,
        AppraisalGrade.Good => AppraisalGradePrint.Good,
        AppraisalGrade.Pass => AppraisalGradePrint.Pass,
        _ => null,
    };
}
