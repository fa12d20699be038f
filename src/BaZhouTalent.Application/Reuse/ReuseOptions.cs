using System.ComponentModel.DataAnnotations;

namespace BaZhouTalent.Application.Reuse;

/// <summary>自建库查重 settings (<c>Closure:Reuse</c>); see docs/reuse.md for why each default is what it is.</summary>
public sealed class ReuseOptions
{
    public const string Section = "Closure:Reuse";

    /// <summary>A matched passage counts only from this many characters of text as normalised (Han, Latin letters and
    /// digits; punctuation and spaces not counted). About two short sentences.</summary>
    [Range(ReuseFingerprints.GuaranteeThreshold, 1000)]
    public int MinPassageCharacters { get; set; } = 40;

    /// <summary>Rows at or above this percentage are marked in 结项管理 and on the review page, and the list's filter uses it.</summary>
    [Range(0, 100)]
    public double WarnPercent { get; set; } = 20;

    /// <summary>A fingerprint found in more than this share of the indexed reports is common text, not evidence.</summary>
    [Range(0.001, 1)]
    public double CommonShare { get; set; } = 0.05;

    /// <summary>…and in more than this many reports, so that a small archive does not call everything common.</summary>
    [Range(1, 100_000)]
    public int CommonMinReports { get; set; } = 10;

    /// <summary>The form's fixed headings: a line that reads only one of these (after its numbering) is left out.</summary>
    public List<string> FixedHeadings { get; set; } = [];

    /// <summary>How often the worker looks for checks to run and reports not yet fingerprinted.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 10;

    /// <summary>Attempts before a check is given up (its error kept); backoff 1, 2, 4 … minutes.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Run the check worker and the archive sweep in this instance.</summary>
    public bool WorkerEnabled { get; set; } = true;

    public static readonly IReadOnlyList<string> DefaultFixedHeadings =
    [
        "最终成果", "研究报告", "摘要", "内容摘要", "关键词", "引言", "前言", "绪论", "导论", "正文", "结语", "结论", "结束语",
        "参考文献", "注释", "附录", "致谢", "后记", "研究背景", "研究意义", "研究方法", "研究内容", "研究思路",
        "存在的问题", "主要问题", "对策建议", "对策与建议", "意见建议", "主要成效", "基本情况", "现状分析",
    ];

    public IReadOnlyList<string> Headings => FixedHeadings.Count > 0 ? FixedHeadings : DefaultFixedHeadings;
}
