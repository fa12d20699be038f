using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Layout;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>The sizes of 填表说明 三 (2 号 = 22 pt, 3 号 = 16 pt) and of the form's smaller parts.</summary>
internal static class Styles
{
    public const double Size2Hao = 22;
    public const double Size3Hao = 16;
    public const double Size4Hao = 14;
    public const double Size5Hao = 10.5;
    public const double SizeXiaoChu = 36;

    /// <summary>Line pitch of 3 号 text: 22 lines fill the 638 pt type area.</summary>
    public const double GridPitch = 29;

    public static readonly TextStyle ReportTitle = new(FontRole.XiaoBiaoSong, Size2Hao);
    public static readonly TextStyle Heading1 = new(FontRole.Hei, Size3Hao);
    public static readonly TextStyle Heading2 = new(FontRole.Kai, Size3Hao);
    public static readonly TextStyle Heading3 = new(FontRole.Fang, Size3Hao, Bold: true);
    public static readonly TextStyle Body = new(FontRole.Fang, Size3Hao);

    public static readonly TextStyle Table = new(FontRole.Fang, Size5Hao);
    public static readonly TextStyle SectionBody = new(FontRole.Fang, Size4Hao);
    public static readonly TextStyle SectionTitle = new(FontRole.Hei, Size3Hao);
    public static readonly TextStyle Small = new(FontRole.Fang, Size5Hao);

    /// <summary>小五 (9 pt): the 核验码 notes beside a signature.</summary>
    public static readonly TextStyle Note = new(FontRole.Fang, 9);
}
