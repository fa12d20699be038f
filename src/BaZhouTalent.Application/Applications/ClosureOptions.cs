using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Applications;

/// <summary>The closure rules the federation sets in configuration (<c>Closure:</c>).</summary>
public sealed class ClosureOptions
{
    public const string Section = "Closure";

    /// <summary>The grounds of 免于鉴定 before “other”; empty means <see cref="DefaultExemptionGrounds"/>.</summary>
    public List<string> ExemptionGrounds { get; set; } = [];

    /// <summary>The catch-all ground, which needs a description of its own.</summary>
    [Required]
    public string OtherExemptionGround { get; set; } = "市社科联认可的其他情形";

    /// <summary>The revision period a deferral (暂缓结项) proposes, in days.</summary>
    [Range(1, 365)]
    public int DeferralDays { get; set; } = 30;

    /// <summary>The longest revision period the federation may set, in days.</summary>
    [Range(1, 730)]
    public int MaxDeferralDays { get; set; } = 180;

    public static readonly IReadOnlyList<string> DefaultExemptionGrounds =
    [
        "成果获省部级二等奖及以上奖励",
        "成果被市级及以上领导批示肯定或被采纳",
        "成果以研究报告形式在指定刊物发表",
    ];

    /// <summary>Every ground the researcher may choose, the catch-all last.</summary>
    public IReadOnlyList<string> Grounds =>
        [.. (ExemptionGrounds.Count > 0 ? ExemptionGrounds : DefaultExemptionGrounds), OtherExemptionGround];

    public bool NeedsDescription(string? ground) => ground == OtherExemptionGround;
}
