using BaZhouTalent.Typesetting.Fonts;

namespace BaZhouTalent.Typesetting.Layout;

internal enum AtomKind
{
    Glyph,
    Space,
    Checkbox,
}

/// <summary>
/// The smallest unit of line breaking: one character (with the face that prints it), a space or an inline
/// object. Break and stretch permissions are stored on the atom they precede.
/// </summary>
internal sealed class Atom
{
    public required AtomKind Kind { get; init; }
    public required string Text { get; init; }
    public required TextStyle Style { get; init; }
    public TrueTypeFace? Face { get; init; }
    public required double Width { get; init; }
    public bool Ticked { get; init; }

    /// <summary>No line may break between the previous atom and this one (避头尾, words, number runs).</summary>
    public bool NoBreakBefore { get; set; }

    /// <summary>Justification adds no space before this atom (inside Latin words, numbers, ——, ……).</summary>
    public bool NoStretchBefore { get; set; }

    public bool IsSpace => Kind == AtomKind.Space;
}
