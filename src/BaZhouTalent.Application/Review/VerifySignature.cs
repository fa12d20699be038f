using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// /verify/{code}, without sign-in: does the sign-off printed with this code exist, when, and does the
/// application's content today still match the fingerprint of what they saw. Who signed for which unit is
/// said only where the disclosure policy allows it for the public (<see cref="DisclosurePolicy.VerifiedSigner"/>);
/// for 五 of a concluded application, the certificate number.
/// </summary>
public static class VerifySignature
{
    public sealed record Query(string Code);

    public sealed record Result(
        string VerificationCode,
        string ProjectCode,
        string ProjectTitle,
        ReviewStage Stage,
        int Round,
        int CurrentRound,
        string SignerName,
        string SignerUnit,
        DateTimeOffset SignedAt,
        string Decision,
        string Fingerprint,
        bool ContentMatches,
        CertificateFacts? Certificate,
        string? Announcement = null)
    {
        public string StageName => ReviewText.StageName(Stage);

        public string? CertificateNumber => Certificate?.Number;
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            // A 结项证书编号 finds the federation's concluding signature, whose code the certificate's QR carries.
            // Normalised first: typed with full-width or other digits it is still the number printed.
            var number = CertificateNumbers.Normalize(query.Code);
            var code = number is not null
                ? await db.ClosureApplications.AsNoTracking()
                    .Where(a => a.CertificateNumber == number && a.Status == ApplicationStatus.Concluded)
                    .SelectMany(a => a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Federation && o.Agrees == true))
                    .OrderByDescending(o => o.SignedAt).Select(o => o.VerificationCode).FirstOrDefaultAsync(cancellationToken) ?? ""
                : VerificationCodes.Normalize(query.Code);
            if (code.Length != VerificationCodes.Length)
                return null;
            var opinion = await db.ReviewOpinions.AsNoTracking().SingleOrDefaultAsync(o => o.VerificationCode == code, cancellationToken);
            if (opinion is null)
                return null;
            var application = await db.ClosureApplications.AsNoTracking()
                .Include(a => a.Project).ThenInclude(p => p.Unit)
                .Include(a => a.Project).ThenInclude(p => p.Category)
                .Include(a => a.Opinions)
                .AsSplitQuery()
                .SingleAsync(a => a.Id == opinion.ApplicationId, cancellationToken);

            // 结项公示: the certificate is confirmed only once issued; until then the page says where the announcement stands.
            var concluding = opinion.Stage == ReviewStage.Federation && opinion.Agrees == true && opinion.Round == application.Round;
            var announcement = concluding && application.Status == ApplicationStatus.Concluded
                ? await Announcements.AnnouncementStatus.LoadAsync(db, application.Id, clock, cancellationToken)
                : Announcements.AnnouncementStatus.None;
            var (signer, unit) = DisclosurePolicy.Anonymous(application)
                .VerifiedSigner(opinion.Stage, opinion.SignerName, opinion.SignerUnit);
            return new Result(
                opinion.VerificationCode,
                application.Project.Code,
                application.Project.Title,
                opinion.Stage,
                opinion.Round,
                application.Round,
                signer,
                unit,
                opinion.SignedAt,
                Decision(opinion),
                opinion.ContentFingerprint,
                opinion.ContentFingerprint == ApplicationSnapshot.Fingerprint(application),
                // What the certificate states, for 五 of a concluded application only: it is public once issued.
                concluding && announcement.CertificateIssued ? Certificate.Facts(application) : null,
                announcement.Text);
        }

        private static string Decision(ReviewOpinion o) => o.Stage switch
        {
            ReviewStage.Unit => $"有无政治导向问题：{ReviewText.HasOrNot(o.HasProblem)}；符合预期研究目标：{ReviewText.YesOrNo(o.Agrees)}",
            ReviewStage.County => $"有无意识形态问题：{ReviewText.HasOrNot(o.HasProblem)}；同意结项：{ReviewText.YesOrNo(o.Agrees)}",
            ReviewStage.Expert or ReviewStage.ChiefExpert =>
                $"有无意识形态方面的问题：{ReviewText.HasOrNot(o.HasProblem)}；同意结项：{ReviewText.YesOrNo(o.Agrees)}；鉴定等级：{ReviewText.GradeName(o.Grade)}",
            ReviewStage.Federation => o.Agrees == true ? "同意结项" : "不予结项",
            ReviewStage.Exemption => $"同意免于鉴定；鉴定等级：{ClosureApplication.ExemptionGradeName(o.Grade)}",
            _ => "",
        };
    }
}
