using System.Globalization;
using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Layout;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// Shared helpers of the documents: every paragraph is shaped when composed, under the name of the field it
/// prints, so composing alone finds the characters no font covers.
/// </summary>
internal abstract class Composer(FontCatalog catalog)
{
    protected Shaper Shaper { get; } = new(catalog);

    protected List<IElement> Elements { get; } = [];

    /// <summary>Characters no font covers, by field, found while composing.</summary>
    public IReadOnlyList<MissingCharacter> MissingCharacters => Shaper.Missing;

    protected Paragraph Text(string field, string? text, TextStyle style, ParagraphFormat format) =>
        Inlines(field, format, new TextInline(text ?? "", style));

    protected Paragraph Inlines(string field, ParagraphFormat format, params IEnumerable<Inline> inlines)
    {
        Shaper.Field = field;
        return new Paragraph(Shaper.Shape(inlines), format);
    }

    protected Paragraph Fixed(string text, TextStyle style, ParagraphFormat format) => Text("表格文字", text, style, format);

    protected static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year} 年 {date.Month} 月 {date.Day} 日");

    /// <summary>A recorded date, or 年 月 日 with room to write one by hand.</summary>
    protected static IEnumerable<Inline> DateInlines(DateOnly? date, TextStyle style) => date is { } d
        ? [new TextInline(FormatDate(d), style)]
        : [new GapInline(3, style), new TextInline("年", style), new GapInline(2, style), new TextInline("月", style), new GapInline(2, style), new TextInline("日", style)];

    /// <summary>An exclusive pair of options, each followed by its box; null ticks neither.</summary>
    protected static IEnumerable<Inline> Choice(string yes, string no, bool? value, TextStyle style) =>
    [
        new TextInline(yes, style), new CheckboxInline(value == true, style), new GapInline(0.5, style),
        new TextInline(no, style), new CheckboxInline(value == false, style),
    ];
}
