using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Application.Printing;

/// <summary>
/// Maps what one viewer may see of an application (<see cref="DisclosedApplication"/>) to what the paper form
/// prints. It never sees the entity: an expert's PDF can only print what the disclosure policy let through.
/// </summary>
public static class ApplicationPrintMapper
{
    /// <summary>The edition of the form printed on the cover (巴中市社会科学界联合会 制).</summary>
    public const string FormEdition = "2025 年 10 月";

    public const string Hidden = BlindReview.HiddenText;

    public static ApplicationPrintModel Map(DisclosedApplication a)
    {
        return new ApplicationPrintModel(
            new CoverPrint(a.Code, a.Category, a.ProjectTitle, a.LeaderName, a.UnitName, a.FillDate, FormEdition),
            new DeclarationPrint(a.Sensitive, a.Classified,
                a.SubmittedAt is null ? null : a.LeaderName, a.SubmittedAt?.ChinaDate()),
            new ChangeRecordPrint(
                a.ProjectTitle,
                a.ResultTitle,
                a.ChangeTable.IsChanged,
                a.ChangeTable.IsChanged ? string.Join("；", a.ChangeTable.Lines) : null,
                a.PlannedOutputForm,
                a.CurrentOutputForm,
                a.PlannedCompletion,
                a.ActualCompletion,
                Leader(a.OriginalLeader),
                Leader(a.CurrentLeader),
                Participants(a.OriginalParticipants),
                Participants(a.CurrentParticipants)),
            // 二 and 三 name the applicant's unit and county: a blind copy prints them hidden, without any code,
            // and the same way for a city-level applicant, so 不适用 cannot betray a 市本级 unit either.
            !a.Policy.SeesLowerReviews ? new UnitOpinionPrint(null, null, Hidden, HiddenSignature)
                : a.Latest(ReviewStage.Unit) is { } unit
                    ? new UnitOpinionPrint(unit.HasProblem, unit.Agrees, unit.Text, Signature(unit)) : null,
            !a.Policy.SeesLowerReviews ? new CountyOpinionPrint(false, null, null, Hidden, HiddenSignature)
                : a.IsCityLevel ? CountyOpinionPrint.NotApplicable
                : a.Latest(ReviewStage.County) is { } county
                    ? new CountyOpinionPrint(false, county.HasProblem, county.Agrees, county.Text, Signature(county)) : null,
            a.Latest(ReviewStage.Exemption) is { } exempted ? Exemption(a, exempted)
                : a.Latest(ReviewStage.ChiefExpert) is { } chief
                ? new ExpertOpinionPrint(chief.HasProblem, chief.Agrees, Grade(chief.Grade), chief.Text,
                    chief.SignerName, chief.SignedAt.ChinaDate(), chief.VerificationCode) : null,
            a.Latest(ReviewStage.Federation) is { } federation
                ? new FederationOpinionPrint(federation.Agrees, federation.Text, Signature(federation), a.CertificateNumber) : null,
            ReportMarkup.Parse(a.ReportText));
    }

    private static SignaturePrint Signature(DisclosedOpinion o) =>
        new(o.SignerName, o.SignerUnit, o.SignedAt.ChinaDate(), o.VerificationCode, o.SignerPost);

    /// <summary>四 of an application the federation exempted from appraisal: the path taken, the grade (or 免鉴), its signature.</summary>
    private static ExpertOpinionPrint Exemption(DisclosedApplication a, DisclosedOpinion granted)
    {
        var ground = a.Exemption is { Ground.Length: > 0 } e ? $"（{e.Ground}）" : "";
        var statement = $"申请免于鉴定{ground}，经市社科联审核同意免于鉴定（鉴定等级：{ClosureApplication.ExemptionGradeName(granted.Grade)}）。";
        // The federation's own words print below unless they only repeat the default.
        var opinion = granted.Text == DefaultGrantText ? null : granted.Text;
        return new ExpertOpinionPrint(null, true, Grade(granted.Grade), opinion, null, granted.SignedAt.ChinaDate(),
            granted.VerificationCode, new ExemptionPrint(statement, Signature(granted)));
    }

    private const string DefaultGrantText = ClosureApplication.DefaultGrantText;

    /// <summary>One marker for the whole signature block: never “marker（marker）”.</summary>
    private static readonly SignaturePrint HiddenSignature = new(Hidden, null, null);

    private static LeaderPrint Leader(DisclosedPerson p) =>
        new(p.Name, p.Gender, p.Ethnicity, p.BirthYear, p.BirthMonth, p.Unit, p.AdministrativePost, p.ProfessionalTitle, p.Address, p.Phone);

    private static List<ParticipantPrint> Participants(IEnumerable<DisclosedMember> people) =>
        people.Select(p => new ParticipantPrint(p.Name, p.Unit, p.Title, p.Phone)).ToList();

    private static AppraisalGradePrint? Grade(AppraisalGrade? grade) => grade switch
    {
        AppraisalGrade.Excellent => AppraisalGradePrint.Excellent,
        AppraisalGrade.Good => AppraisalGradePrint.Good,
        AppraisalGrade.Pass => AppraisalGradePrint.Pass,
        _ => null,
    };
}
