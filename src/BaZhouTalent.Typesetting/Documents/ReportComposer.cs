using System.Globalization;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// Sets the final report to 填表说明 三: the title in 2 号 小标宋, headings by their numbering (一、 黑体,
/// （一） 楷体, 1. 仿宋 bold), body in 3 号 仿宋 with a two-character first-line indent, all on the 29 pt grid.
/// </summary>
internal static class ReportComposer
{
    private const double Indent = 2 * Styles.Size3Hao;

    public static void Compose(List<IElement> elements, Shaper shaper, IReadOnlyList<ReportParagraph> report)
    {
        for (var i = 0; i < report.Count; i++)
        {
            var paragraph = report[i];
            shaper.Field = string.Create(CultureInfo.InvariantCulture, $"最终成果·第 {i + 1} 段");
            elements.Add(new Paragraph(shaper.Shape(InlinesOf(paragraph)), FormatOf(paragraph.Role)));
        }
    }

    public static TextStyle StyleOf(ParagraphRole role) => role switch
    {
        ParagraphRole.Title => Styles.ReportTitle,
        ParagraphRole.Heading1 => Styles.Heading1,
        ParagraphRole.Heading2 => Styles.Heading2,
        ParagraphRole.Heading3 => Styles.Heading3,
        _ => Styles.Body,
    };

    private static ParagraphFormat FormatOf(ParagraphRole role) => role switch
    {
        // The title takes one and a half grid lines per line and a blank grid line below.
        ParagraphRole.Title => new ParagraphFormat(1.5 * Styles.GridPitch, TextAlign.Center, SpaceAfter: Styles.GridPitch),
        ParagraphRole.Heading1 or ParagraphRole.Heading2 or ParagraphRole.Heading3 =>
            new ParagraphFormat(Styles.GridPitch, TextAlign.Justify, Indent, KeepWithNext: true),
        _ => new ParagraphFormat(Styles.GridPitch, TextAlign.Justify, Indent),
    };

    private static IEnumerable<Inline> InlinesOf(ReportParagraph paragraph)
    {
        var style = StyleOf(paragraph.Role);
        var labelled = paragraph.Role is ParagraphRole.Abstract or ParagraphRole.Keywords;
        foreach (var run in paragraph.Runs)
        {
            var runStyle = run.Bold ? style.WithBold() : style;
            var text = run.Text;
            if (labelled)
            {
                // “摘要：” and “关键词：” are set in 黑体 as run-in labels; the rest is body text.
                labelled = false;
                var colon = text.IndexOfAny(['：', ':']);
                if (colon is >= 0 and <= 4)
                {
                    yield return new TextInline(text[..(colon + 1)], Styles.Heading1);
                    text = text[(colon + 1)..];
                }
            }
            if (text.Length > 0) yield return new TextInline(text, runStyle);
        }
    }
}
