namespace BaZhouTalent.Typesetting.PrintModel;

/// <summary>What every recorded review section prints under its decision: who signed, for which unit, when.</summary>
/// <param name="SignerName">The signer's name (签字).</param>
/// <param name="UnitName">The unit whose seal the section carries (签章 / 单位（公章）).</param>
/// <param name="Date">The date of the decision.</param>
/// <param name="VerificationCode">The 核验码 printed beside the signature that /verify resolves, or null.</param>
/// <param name="SignerPost">The signer's post (职务) for staff, printed before the name, or null.</param>
public sealed record SignaturePrint(string? SignerName, string? UnitName, DateOnly? Date, string? VerificationCode = null, string? SignerPost = null);

/// <summary>二、申请人所在单位审核意见.</summary>
/// <param name="HasPoliticalIssues">1.成果有无政治导向问题或其他不宜公开出版的内容: true = 有, false = 无, null = unticked.</param>
/// <param name="MeetsGoals">2.最终结果的内容质量是否符合预期研究目标: true = 是, false = 否, null = unticked.</param>
/// <param name="Opinion">The written opinion, or null.</param>
/// <param name="Signature">Signer, unit, date and verification code.</param>
public sealed record UnitOpinionPrint(bool? HasPoliticalIssues, bool? MeetsGoals, string? Opinion, SignaturePrint Signature);

/// <summary>三、县（区）社科联意见; <see cref="NotApplicable"/> for city-level units, which skip the county.</summary>
/// <param name="IsNotApplicable">True prints 不适用 instead of a decision.</param>
/// <param name="HasIdeologyIssues">1.成果有无意识形态问题: true = 有, false = 无, null = unticked.</param>
/// <param name="AgreesToClose">2.是否同意结项: true = 是, false = 否, null = unticked.</param>
/// <param name="Opinion">The written opinion, or null.</param>
/// <param name="Signature">Signer (负责人签字), unit (公章), date and verification code.</param>
public sealed record CountyOpinionPrint(bool IsNotApplicable, bool? HasIdeologyIssues, bool? AgreesToClose, string? Opinion, SignaturePrint? Signature)
{
    /// <summary>The section as printed for a city-level (市本级) unit.</summary>
    public static CountyOpinionPrint NotApplicable { get; } = new(true, null, null, null, null);
}

/// <summary>鉴定等级 as printed in 四、专家鉴定意见.</summary>
public enum AppraisalGradePrint
{
    /// <summary>优秀.</summary>
    Excellent,
    /// <summary>良好.</summary>
    Good,
    /// <summary>合格.</summary>
    Pass,
}

/// <summary>四、专家鉴定意见, signed by the chief expert (主审专家).</summary>
/// <param name="HasIdeologyIssues">1.成果有无意识形态方面的问题: true = 有, false = 否, null = unticked.</param>
/// <param name="AgreesToClose">2.是否同意结项: true = 是, false = 否, null = unticked.</param>
/// <param name="Grade">3.鉴定等级, or null.</param>
/// <param name="Opinion">The written appraisal, or null.</param>
/// <param name="ChiefExpertName">主审专家签字, or null to sign by hand.</param>
/// <param name="Date">The date of the appraisal.</param>
/// <param name="VerificationCode">The verification code printed under the section, or null.</param>
/// <param name="Exemption">Set when the federation granted 免于鉴定: the section prints this statement and the grade
/// instead of the experts' items, and the federation signs it.</param>
public sealed record ExpertOpinionPrint(
    bool? HasIdeologyIssues,
    bool? AgreesToClose,
    AppraisalGradePrint? Grade,
    string? Opinion,
    string? ChiefExpertName,
    DateOnly? Date,
    string? VerificationCode = null,
    ExemptionPrint? Exemption = null);

/// <summary>四 of an exempted application: e.g. 申请免于鉴定，经市社科联审核同意免于鉴定（鉴定等级：良好）。</summary>
/// <param name="Statement">The sentence printed in place of the experts' items.</param>
/// <param name="Signature">The federation's signature (unit, post and name), printed where the chief expert signs.</param>
public sealed record ExemptionPrint(string Statement, SignaturePrint Signature);

/// <summary>五、市社科联审核意见.</summary>
/// <param name="Agreed">True for 同意结项, false for 不同意结项, null when undecided.</param>
/// <param name="Reason">The reason given (required in the portal when not agreed), or null.</param>
/// <param name="Signature">Unit (公章), signer, date and verification code.</param>
/// <param name="CertificateNumber">结项证书编号 (巴社科结〔YYYY〕NNN号) once issued, or null.</param>
public sealed record FederationOpinionPrint(bool? Agreed, string? Reason, SignaturePrint Signature, string? CertificateNumber = null);
