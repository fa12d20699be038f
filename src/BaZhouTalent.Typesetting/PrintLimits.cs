namespace BaZhouTalent.Typesetting;

/// <summary>
/// The longest texts the printed documents are laid out for (docs/print-rules.md). The review forms' validators and
/// their character counters take these figures from here, so nothing is accepted that the paper cannot hold.
/// </summary>
public static class PrintLimits
{
    /// <summary>A review opinion (二–五, 免于鉴定, 暂缓结项, 退回理由): at most three A4 pages of its section, the signature after its last line.</summary>
    public const int Opinion = 2000;

    /// <summary>项目名称 and 结项成果名称: both at this length still leave the certificate one page in its smallest type scale.</summary>
    public const int Title = 80;
}
