namespace BaZhouTalent.Application.Domain;

/// <summary>The review sections of the form, in the order the application passes them.</summary>
public enum ReviewStage
{
    /// <summary>二、申请人所在单位审核意见.</summary>
    Unit = 0,
    /// <summary>三、县（区）社科联意见.</summary>
    County = 1,
    /// <summary>One expert's own appraisal (not printed alone).</summary>
    Expert = 2,
    /// <summary>四、专家鉴定意见: the chief expert's combined appraisal.</summary>
    ChiefExpert = 3,
    /// <summary>五、市社科联审核意见.</summary>
    Federation = 4,
    /// <summary>四 for an exempted application: the federation's 同意免于鉴定 with the grade it set (null = 免鉴).</summary>
    Exemption = 5,
}

public enum AppraisalGrade
{
    Excellent = 0, // 优秀
    Good = 1,      // 良好
    Pass = 2,      // 合格
}

/// <summary>
/// One signed opinion: what was decided, by whom, for which unit, when, and a fingerprint of the
/// content the signer saw, so a printed verification code can later prove it.
/// </summary>
public class ReviewOpinion
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Round { get; set; }
    public ReviewStage Stage { get; set; }

    /// <summary>First review item (有无政治导向/意识形态问题): true = 有.</summary>
    public bool? HasProblem { get; set; }
    /// <summary>Second review item (符合预期目标 / 同意结项): true = 是.</summary>
    public bool? Agrees { get; set; }
    public AppraisalGrade? Grade { get; set; }
    public string OpinionText { get; set; } = "";

    public required string SignerUserId { get; set; }
    public required string SignerName { get; set; }
    /// <summary>The signer's post (职务) when they signed, for staff; empty for experts and older signatures.</summary>
    public string SignerPost { get; set; } = "";
    public string SignerUnit { get; set; } = "";
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>SHA-256 (hex) of the application content the signer saw.</summary>
    public string ContentFingerprint { get; set; } = "";
    /// <summary>Short code printed under the signed section and resolved by /verify/{code}.</summary>
    public string VerificationCode { get; set; } = "";
}
