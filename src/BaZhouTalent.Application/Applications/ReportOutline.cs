using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Application.Applications;

/// <summary>A heading of the final report and the level the typesetter will give it.</summary>
public sealed record OutlineHeading(int Level, string Text);

/// <summary>
/// What the typesetter will make of a final report, shown before submission: title, 摘要, 关键词, the
/// headings with their detected levels, and the size of the text.
/// </summary>
public sealed record ReportOutline(
    string Title,
    string Abstract,
    string Keywords,
    IReadOnlyList<OutlineHeading> Headings,
    int ParagraphCount,
    int CharacterCount)
{
    /// <summary>What <see cref="CharacterCount"/> counts, said wherever a page shows it, so every page gives one number.</summary>
    public const string CountNote = "不含空格和加粗标记";

    public bool IsEmpty => ParagraphCount == 0;

    public static ReportOutline From(string reportText)
    {
        var paragraphs = ReportMarkup.Parse(reportText ?? "");
        string First(ParagraphRole role) => paragraphs.FirstOrDefault(p => p.Role == role)?.Text ?? "";
        var headings = paragraphs
            .Select(p => (Level: LevelOf(p.Role), p.Text))
            .Where(h => h.Level > 0)
            .Select(h => new OutlineHeading(h.Level, h.Text))
            .ToList();
        return new ReportOutline(
            First(ParagraphRole.Title),
            First(ParagraphRole.Abstract),
            First(ParagraphRole.Keywords),
            headings,
            paragraphs.Count,
            paragraphs.Sum(p => p.Text.Count(c => !char.IsWhiteSpace(c))));
    }

    private static int LevelOf(ParagraphRole role) => role switch
    {
        ParagraphRole.Heading1 => 1,
        ParagraphRole.Heading2 => 2,
        ParagraphRole.Heading3 => 3,
        _ => 0,
    };

    /// <summary>
    /// Experts appraise blind: each warning names a person or unit that the report text mentions.
    /// Spacing is ignored (“杨 卓” and “杨卓” are the same name); one-character fragments are not names.
    /// </summary>
    public static IReadOnlyList<string> BlindReviewWarnings(string reportText, IEnumerable<string> leaderNames,
        IEnumerable<string> participantNames, IEnumerable<string> unitNames)
    {
        var plain = ChangeRecord.Normalize(string.Concat(ReportMarkup.Parse(reportText ?? "").Select(p => p.Text)));
        var warnings = new List<string>();
        void Check(IEnumerable<string> names, string what)
        {
            foreach (var name in names.Select(n => ChangeRecord.Normalize(n)).Where(n => n.Length >= 2).Distinct())
            {
                if (plain.Contains(name, StringComparison.Ordinal))
                    warnings.Add($"最终成果中出现了{what}“{name}”，专家匿名鉴定前请删除或改写。");
            }
        }
        Check(leaderNames, "项目负责人姓名");
        Check(participantNames, "参与人员姓名");
        Check(unitNames, "单位名称");
        return warnings;
    }
}
