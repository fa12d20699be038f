using System.Buffers;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// Chinese line-breaking classes (GB/T 15834 and the usual 避头尾 sets): which characters may not start a
/// line, which may not end one, and which belong to an unbreakable Latin word or number.
/// </summary>
internal static class CjkRules
{
    private static readonly SearchValues<char> NoStart = SearchValues.Create(
        "!%),.:;?]}¢°·’\"”‰′″℃∶、。〃々〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠…‥");

    private static readonly SearchValues<char> NoEnd = SearchValues.Create(
        "([{£¥‘“〈《「『【〔〖〝﹙﹛﹝（［｛￡￥");

    /// <summary>True for characters that may not begin a line (closing punctuation, 、。，…).</summary>
    public static bool IsNoStart(int codePoint) => codePoint < 0x10000 && NoStart.Contains((char)codePoint);

    /// <summary>True for characters that may not end a line (opening brackets and quotes).</summary>
    public static bool IsNoEnd(int codePoint) => codePoint < 0x10000 && NoEnd.Contains((char)codePoint);

    /// <summary>Letters and digits of Latin words and numbers, which break only as a whole.</summary>
    public static bool IsWordChar(int codePoint) =>
        codePoint < 0x2E80 && (char.IsAsciiLetterOrDigit((char)codePoint) || (codePoint is >= 0xC0 and < 0x2000 && char.IsLetter((char)codePoint)))
        || codePoint is >= 0xFF10 and <= 0xFF19 or >= 0xFF21 and <= 0xFF3A or >= 0xFF41 and <= 0xFF5A;

    /// <summary>Characters that join word characters on both sides: “1.5”, “3,000”, “COVID-19”, “don't”.</summary>
    public static bool IsWordJoiner(int codePoint) => codePoint is '.' or ',' or '-' or '\'' or ':' or '/' or '_' or '．';

    /// <summary>Characters that come in unbreakable pairs: the 破折号 —— and the 省略号 …….</summary>
    public static bool IsPaired(int codePoint) => codePoint is 0x2014 or 0x2015 or 0x2026 or 0x2500;
}
