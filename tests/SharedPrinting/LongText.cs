using System.Text;

namespace BaZhouTalent.Tests.Printing;

/// <summary>
/// Realistic review text of an exact length, as a reviewer writes it: sentences of an opinion in paragraphs, Latin
/// and numbers among them, each text distinct from the others so a test finds the one it looks for.
/// </summary>
public static class LongText
{
    private static readonly string[] Sentences =
    [
        "成果紧扣巴中市人才工作实际，问题意识明确，数据翔实可靠。",
        "研究方法得当，采用问卷调查（N=1,236）与深度访谈相结合，结论有据。",
        "对策建议具有较强的针对性和可操作性，可供有关部门决策参考。",
        "文字表达规范，结构清晰，引文注释符合学术规范。",
        "建议进一步补充2023—2025年的对比数据，并对县（区）差异作深入分析。",
        "第三部分关于“引才、育才、用才、留才”的论述尚可展开，个别表述需斟酌。",
        "经审读，成果无政治导向问题，无不宜公开出版的内容。",
        "同意报送，请上级部门审核。",
    ];

    /// <summary>
    /// Exactly <paramref name="length"/> characters beginning with <paramref name="lead"/> (to tell texts apart),
    /// in paragraphs of about 300 characters separated by a line break, ending with a full stop.
    /// </summary>
    public static string Opinion(int length, string lead)
    {
        if (length == 0) return "";
        var text = new StringBuilder(lead);
        var sinceBreak = 0;
        for (var i = 0; text.Length < length; i++)
        {
            var sentence = Sentences[i % Sentences.Length];
            if (sinceBreak > 300) { text.Append('\n'); sinceBreak = 0; }
            text.Append(sentence);
            sinceBreak += sentence.Length;
        }
        text.Length = length - 1;
        // Cut where it may: never a full stop after a comma or a line break.
        if (text[^1] is '\n' or '，' or '、' or '；' or '：' or '（' or '“') text[^1] = '等';
        return text.Append('。').ToString();
    }

    /// <summary>A title of exactly <paramref name="length"/> characters, as long titles run (with a subtitle).</summary>
    public static string Title(int length, string lead)
    {
        var text = new StringBuilder(lead);
        const string Words = "新时代巴中市革命老区乡村振兴与人才引育留用协同机制研究——基于川陕革命老区县域发展的实证调查与对策分析";
        for (var i = 0; text.Length < length; i++) text.Append(Words[i % Words.Length]);
        text.Length = length;
        return text.ToString();
    }
}
