using System.Text;

namespace BaZhouTalent.Typesetting.Reports;

/// <summary>
/// The plain-text form in which a final report is stored and pasted: one paragraph per line (blank lines
/// ignored), <c>**bold**</c> marks for bold runs. The first paragraph is the title; paragraphs opening with
/// 摘要 or 关键词 are the abstract and keywords; headings follow the numbering (<see cref="HeadingDetector"/>).
/// </summary>
public static class ReportMarkup
{
    private const string BoldMark = "**";

    /// <summary>Parses stored or pasted report text into typed paragraphs.</summary>
    public static IReadOnlyList<ReportParagraph> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();
        var paragraphs = new List<ReportParagraph>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var runs = ParseRuns(lines[i]);
            var plain = string.Concat(runs.Select(r => r.Text));
            paragraphs.Add(new ReportParagraph(RoleOf(plain, isFirst: i == 0), runs));
        }
        return paragraphs;
    }

    /// <summary>The role of one paragraph's plain text.</summary>
    public static ParagraphRole RoleOf(string plain, bool isFirst)
    {
        if (isFirst) return ParagraphRole.Title;
        if (plain.StartsWith("摘要", StringComparison.Ordinal) || plain.StartsWith("摘 要", StringComparison.Ordinal))
            return ParagraphRole.Abstract;
        if (plain.StartsWith("关键词", StringComparison.Ordinal)) return ParagraphRole.Keywords;
        return HeadingDetector.Classify(plain);
    }

    /// <summary>Splits one line at its <c>**</c> marks into plain and bold runs; an unclosed mark stays literal.</summary>
    public static IReadOnlyList<TextRun> ParseRuns(string line)
    {
        var runs = new List<TextRun>();
        var position = 0;
        while (position < line.Length)
        {
            var open = line.IndexOf(BoldMark, position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : line.IndexOf(BoldMark, open + BoldMark.Length, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                AddRun(runs, line[position..], bold: false);
                break;
            }
            AddRun(runs, line[position..open], bold: false);
            AddRun(runs, line[(open + BoldMark.Length)..close], bold: true);
            position = close + BoldMark.Length;
        }
        return runs;
    }

    /// <summary>Writes paragraphs back to the stored form; <see cref="Parse"/> of the result gives them back.</summary>
    public static string Format(IEnumerable<IReadOnlyList<TextRun>> paragraphs)
    {
        var text = new StringBuilder();
        foreach (var runs in paragraphs)
        {
            if (text.Length > 0) text.Append('\n');
            foreach (var run in runs)
                text.Append(run.Bold ? BoldMark + run.Text + BoldMark : run.Text);
        }
        return text.ToString();
    }

    private static void AddRun(List<TextRun> runs, string text, bool bold)
    {
        if (text.Length == 0) return;
        // Adjacent runs of the same weight merge, so the seed's “**8**个” and a Word run split give equal runs.
        if (runs.Count > 0 && runs[^1].Bold == bold)
            runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
        else
            runs.Add(new TextRun(text, bold));
    }
}
