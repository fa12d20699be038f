using System.Collections;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Typesetting.PrintModel;
using QRCoder;

namespace BaZhouTalent.Application.Certificates;

/// <summary>
/// The 结项证书 of a concluded application as printed: its facts, and the QR code that opens /verify for the
/// federation's concluding signature (whose verification code already identifies the certificate).
/// </summary>
public static class Certificate
{
    public const string Issuer = "巴中市社会科学界联合会";

    /// <summary>The federation's concluding opinion of the final round, or null if the application is not concluded.</summary>
    /// <remarks>Requires Opinions loaded.</remarks>
    public static ReviewOpinion? ConcludingOpinion(ClosureApplication a) =>
        a.Status != ApplicationStatus.Concluded ? null
            : a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Federation && o.Agrees == true)
                .OrderByDescending(o => o.SignedAt).FirstOrDefault();

    /// <summary>The opinion that set the final round's grade: the chief expert's combined appraisal, or the federation's grant of 免于鉴定.</summary>
    private static ReviewOpinion? GradingOpinion(ClosureApplication a) =>
        a.Opinions.Where(o => o.Round == a.Round && (o.Stage == ReviewStage.ChiefExpert || o.Stage == ReviewStage.Exemption))
            .OrderByDescending(o => o.SignedAt).FirstOrDefault();

    /// <summary>The grade of the final round: the chief expert's combined appraisal, or the grade the federation set when it granted 免于鉴定.</summary>
    public static AppraisalGrade? GradeOf(ClosureApplication a) => GradingOpinion(a)?.Grade;

    /// <summary>The address a certificate's QR code opens: /verify with the concluding signature's code.</summary>
    public static string VerifyUrl(string baseUrl, string verificationCode) => $"{baseUrl.TrimEnd('/')}/verify/{verificationCode}";

    /// <summary>
    /// What a certificate states, as printed and as /verify confirms it, or null when the application has none.
    /// An exempted project's grade is the one the federation set, or 免鉴.
    /// </summary>
    /// <remarks>Requires Project (Category, Unit) and Opinions loaded.</remarks>
    public static CertificateFacts? Facts(ClosureApplication a)
    {
        if (a.CertificateNumber is null || ConcludingOpinion(a) is not { } concluding) return null;
        var grading = GradingOpinion(a);
        var exempted = grading?.Stage == ReviewStage.Exemption;
        return new CertificateFacts(
            a.CertificateNumber,
            a.Project.Code,
            a.Project.Title,
            a.ResultTitle,
            a.Project.Category.Name,
            a.CurrentLeader.Name,
            a.Project.Unit.Name,
            exempted ? ClosureApplication.ExemptionGradeName(grading!.Grade) : ReviewText.GradeName(grading?.Grade),
            exempted,
            concluding.SignedAt.ChinaDate(),
            concluding.VerificationCode);
    }

    /// <summary>The print model, or null when the application has no certificate.</summary>
    /// <remarks>Requires Project (Category, Unit) and Opinions loaded.</remarks>
    public static CertificatePrintModel? Model(ClosureApplication a, string baseUrl)
    {
        if (Facts(a) is not { } facts) return null;
        var url = VerifyUrl(baseUrl, facts.VerificationCode);
        return new CertificatePrintModel(
            facts.Number, facts.ProjectCode, facts.ProjectTitle, facts.ResultTitle, facts.Category,
            facts.LeaderName, facts.UnitName, facts.Grade, facts.IssuedOn, Issuer, url, QrModules(url), facts.Exempted);
    }

    /// <summary>The QR code (error correction M) of <paramref name="text"/> as rows of modules, quiet zone included.</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> QrModules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(Row).ToList();
    }

    private static IReadOnlyList<bool> Row(BitArray bits)
    {
        var row = new bool[bits.Length];
        bits.CopyTo(row, 0);
        return row;
    }

    public static string FileName(string projectCode) => $"{projectCode}-结项证书.pdf";
}

/// <summary>What a 结项证书 states: printed on it and shown by /verify, so a reader can compare paper and screen.</summary>
public sealed record CertificateFacts(
    string Number,
    string ProjectCode,
    string ProjectTitle,
    string ResultTitle,
    string Category,
    string LeaderName,
    string UnitName,
    string Grade,
    bool Exempted,
    DateOnly IssuedOn,
    string VerificationCode);
