namespace BaZhouTalent.Typesetting.PrintModel;

/// <summary>What the 结项证书 prints: the project, its leader and grade, the number, the date and the QR code.</summary>
/// <param name="CertificateNumber">结项证书编号, e.g. 巴社科结〔2025〕027号.</param>
/// <param name="ProjectCode">立项编号.</param>
/// <param name="ProjectTitle">项目名称 as registered.</param>
/// <param name="ResultTitle">结项成果名称, printed when it differs from the project title.</param>
/// <param name="Category">项目类别.</param>
/// <param name="LeaderName">项目负责人.</param>
/// <param name="UnitName">所在单位.</param>
/// <param name="Grade">鉴定等级 in Chinese (优秀、良好、合格), or <see cref="NoGrade"/> for a project exempted without one.</param>
/// <param name="IssuedOn">The date of the federation's approval, in China.</param>
/// <param name="Issuer">The issuing federation's name.</param>
/// <param name="VerifyUrl">The address the QR code encodes, printed beneath it too.</param>
/// <param name="QrModules">The QR code's module matrix, quiet zone included: rows of dark (true) and light modules.</param>
/// <param name="Exempted">True when the federation granted 免于鉴定: the statement says so instead of 经专家鉴定.</param>
public sealed record CertificatePrintModel(
    string CertificateNumber,
    string ProjectCode,
    string ProjectTitle,
    string ResultTitle,
    string Category,
    string LeaderName,
    string UnitName,
    string Grade,
    DateOnly IssuedOn,
    string Issuer,
    string VerifyUrl,
    IReadOnlyList<IReadOnlyList<bool>> QrModules,
    bool Exempted = false)
{
    /// <summary>The grade printed for a project exempted from appraisal without one.</summary>
    public const string NoGrade = "免鉴";
}
