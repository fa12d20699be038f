namespace BaZhouTalent.Typesetting.Reports;

/// <summary>A run of text inside a paragraph; bold runs stay bold when typeset.</summary>
public sealed record TextRun(string Text, bool Bold = false);

/// <summary>The role a paragraph of the final report plays; it decides the font and size it is set in.</summary>
public enum ParagraphRole
{
    /// <summary>主标题: 2 号 小标宋, centred.</summary>
    Title,
    /// <summary>摘要 paragraph leading the report.</summary>
    Abstract,
    /// <summary>关键词 paragraph leading the report.</summary>
    Keywords,
    /// <summary>一级标题 “一、”: 3 号 黑体.</summary>
    Heading1,
    /// <summary>二级标题 “（一）”: 3 号 楷体.</summary>
    Heading2,
    /// <summary>三级标题 “1.” / “1．”: 3 号 仿宋 bold.</summary>
    Heading3,
    /// <summary>正文: 3 号 仿宋, first-line indent of two characters.</summary>
    Body,
}

/// <summary>One paragraph of the final report: its role and its runs.</summary>
public sealed record ReportParagraph(ParagraphRole Role, IReadOnlyList<TextRun> Runs)
{
    /// <summary>The paragraph's plain text, runs joined.</summary>
    public string Text => string.Concat(Runs.Select(r => r.Text));
}
