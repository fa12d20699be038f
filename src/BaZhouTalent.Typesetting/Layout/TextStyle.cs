using BaZhouTalent.Typesetting.Fonts;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>How a run is set: role, size in points, and bold (simulated when the face has no bold).</summary>
internal readonly record struct TextStyle(FontRole Role, double Size, bool Bold = false)
{
    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };
}

/// <summary>A piece of paragraph content before shaping.</summary>
internal abstract record Inline;

/// <summary>Text in one style.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Style">Font role and size.</param>
/// <param name="KeepTogether">Set on one line whenever it fits one (a bracketed signer such as “（教研室主任 李明）”).</param>
internal sealed record TextInline(string Text, TextStyle Style, bool KeepTogether = false) : Inline;

/// <summary>A checkbox drawn as a vector square one em wide, ticked with “√” when chosen.</summary>
internal sealed record CheckboxInline(bool Ticked, TextStyle Style) : Inline;

/// <summary>Horizontal white space of a fixed number of ems, e.g. room for a hand-written date.</summary>
internal sealed record GapInline(double Ems, TextStyle Style) : Inline;
