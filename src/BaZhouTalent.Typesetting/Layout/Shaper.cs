using System.Text;
using BaZhouTalent.Typesetting.Fonts;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// Turns inlines into atoms: picks, per character, the first face of the role's chain that has it, measures
/// it from the face's own metrics, and records characters no face covers against the current field.
/// </summary>
internal sealed class Shaper(FontCatalog catalog)
{
    private readonly List<MissingCharacter> _missing = [];
    private readonly HashSet<(string, string)> _reported = [];

    public FontCatalog Catalog { get; } = catalog;

    /// <summary>The field whose text is being shaped, named for the user in missing-character reports.</summary>
    public string Field { get; set; } = "";

    public IReadOnlyList<MissingCharacter> Missing => _missing;

    public List<Atom> Shape(IEnumerable<Inline> inlines)
    {
        var atoms = new List<Atom>();
        var unbroken = new List<(int Start, int End)>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline text:
                    var start = atoms.Count;
                    AddText(atoms, text.Text, text.Style);
                    if (text.KeepTogether) unbroken.Add((start, atoms.Count));
                    break;
                case CheckboxInline box:
                    atoms.Add(new Atom { Kind = AtomKind.Checkbox, Text = box.Ticked ? "√" : "", Style = box.Style, Width = box.Style.Size, Ticked = box.Ticked, Face = TickFace(box.Style) });
                    break;
                case GapInline gap:
                    atoms.Add(new Atom { Kind = AtomKind.Space, Text = "", Style = gap.Style, Width = gap.Ems * gap.Style.Size });
                    break;
            }
        }
        MarkBreaks(atoms);
        foreach (var (start, end) in unbroken)
            for (var k = start + 1; k < end; k++)
                atoms[k].NoBreakBefore = true;
        return atoms;
    }

    public List<Atom> Shape(string text, TextStyle style) => Shape([new TextInline(text, style)]);

    private TrueTypeFace? TickFace(TextStyle style)
    {
        var face = Catalog.FaceFor(style.Role, '√');
        if (face is null) Report("√");
        return face;
    }

    private void AddText(List<Atom> atoms, string text, TextStyle style)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var cp = rune.Value;
            // Invisible characters (zero-width spaces, BOM, variation selectors) print nothing: text stored
            // before input was normalised must still print.
            if ((cp < 0x20 && cp != '\t') || (cp != '\t' && PrintableText.IsInvisible(rune))) continue;
            if (cp is ' ' or '\t' or 0xA0 or 0x3000)
            {
                // A Latin space is drawn inside its run (so copied text keeps it) at the face's own width;
                // a full-width space, or a space the face lacks, is left as an empty gap.
                var face = Catalog.Primary(style.Role);
                var inRun = cp != 0x3000 && face.Covers(' ');
                var width = cp == 0x3000 ? style.Size : inRun ? face.Advance(' ') * style.Size : 0.25 * style.Size;
                atoms.Add(new Atom { Kind = AtomKind.Space, Text = inRun ? " " : "", Style = style, Face = inRun ? face : null, Width = width });
                continue;
            }
            var s = rune.ToString();
            var glyphFace = Catalog.FaceFor(style.Role, cp);
            if (glyphFace is null) Report(s);
            var advance = glyphFace?.Advance(cp) ?? 1.0;
            atoms.Add(new Atom { Kind = AtomKind.Glyph, Text = s, Style = style, Face = glyphFace, Width = advance * style.Size });
        }
    }

    private void Report(string character)
    {
        if (_reported.Add((Field, character))) _missing.Add(new MissingCharacter(Field, character));
    }

    /// <summary>Sets the break and stretch permissions between neighbouring atoms.</summary>
    internal static void MarkBreaks(List<Atom> atoms)
    {
        for (var i = 1; i < atoms.Count; i++)
        {
            var prev = atoms[i - 1];
            var cur = atoms[i];
            var p = CodePoint(prev);
            var c = CodePoint(cur);
            var word = IsWordish(p) && IsWordish(c) && (CjkRules.IsWordChar(p) || CjkRules.IsWordChar(c));
            var pair = p == c && CjkRules.IsPaired(c);
            cur.NoStretchBefore = word || pair;
            cur.NoBreakBefore = word || pair || cur.IsSpace
                || CjkRules.IsNoStart(c) || CjkRules.IsNoEnd(p)
                // A checkbox stays with the option it belongs to (“是 ☐”).
                || (cur.Kind == AtomKind.Checkbox && prev.Kind == AtomKind.Glyph);
        }
    }

    /// <summary>
    /// Keeps each short bracketed phrase (up to <paramref name="longest"/> characters inside “（…）”, such as the
    /// blind-review marker) on one line, so a narrow cell never breaks it letter by letter.
    /// </summary>
    internal static void KeepBracketedPhrases(List<Atom> atoms, int longest = 8)
    {
        for (var open = 0; open < atoms.Count; open++)
        {
            if (atoms[open].Text is not ("（" or "(")) continue;
            var close = open + 1;
            while (close < atoms.Count && close - open <= longest + 1 && atoms[close].Kind == AtomKind.Glyph && atoms[close].Text is not ("）" or ")"))
                close++;
            if (close >= atoms.Count || atoms[close].Text is not ("）" or ")")) continue;
            for (var k = open + 1; k <= close; k++)
            {
                atoms[k].NoBreakBefore = true;
                atoms[k].NoStretchBefore = true;
            }
            open = close;
        }
    }

    /// <summary>Keeps all atoms on one line (a short value such as a name or the blind marker, set whole or smaller).</summary>
    internal static void KeepTogether(List<Atom> atoms)
    {
        for (var k = 1; k < atoms.Count; k++)
        {
            atoms[k].NoBreakBefore = true;
            atoms[k].NoStretchBefore = true;
        }
    }

    private static bool IsWordish(int cp) => CjkRules.IsWordChar(cp) || CjkRules.IsWordJoiner(cp);

    private static int CodePoint(Atom atom) =>
        atom.Kind == AtomKind.Glyph && atom.Text.Length > 0 ? char.ConvertToUtf32(atom.Text, 0) : atom.IsSpace ? ' ' : 0;

    /// <summary>Plain text of atoms, for diagnostics and tests.</summary>
    public static string TextOf(IEnumerable<Atom> atoms)
    {
        var sb = new StringBuilder();
        foreach (var a in atoms) sb.Append(a.Kind == AtomKind.Checkbox ? (a.Ticked ? "☑" : "☐") : a.Text);
        return sb.ToString();
    }
}
