namespace BaZhouTalent.Typesetting.Layout;

/// <summary>One line of a paragraph: atoms [Start, End) with trailing spaces already excluded.</summary>
internal readonly record struct LineSpan(int Start, int End, double Indent, double NaturalWidth, bool IsLast);

/// <summary>
/// Greedy CJK line breaking. A line ends at the last legal break that fits; when the rules forbid the break
/// at the overflow point (a closing mark would start the next line, an opening one end this), characters move
/// to the next line together (推出) and justification absorbs the short line. A Latin word or number longer
/// than a whole line is cut where it overflows, since no legal break exists.
/// </summary>
internal static class LineBreaker
{
    private const double Epsilon = 0.01;

    public static List<LineSpan> Break(IReadOnlyList<Atom> atoms, double width, double firstIndent = 0)
    {
        var lines = new List<LineSpan>();
        var i = 0;
        var first = true;
        while (i < atoms.Count || first)
        {
            var indent = first ? firstIndent : 0;
            var available = width - indent;
            while (!first && i < atoms.Count && atoms[i].IsSpace) i++;
            if (i >= atoms.Count && !first) break;
            var j = i;
            var used = 0.0;
            while (j < atoms.Count && (used + atoms[j].Width <= available + Epsilon || atoms[j].IsSpace))
            {
                used += atoms[j].Width;
                j++;
            }
            int end;
            if (j >= atoms.Count)
                end = atoms.Count;
            else if (j == i)
                end = i + 1; // a single atom wider than the line: place it alone rather than loop
            else
            {
                end = j;
                while (end > i + 1 && !CanBreakBefore(atoms, end)) end--;
                if (end == i + 1 && !CanBreakBefore(atoms, end)) end = j; // no legal break at all: cut the word
            }
            var trimmed = end;
            while (trimmed > i && atoms[trimmed - 1].IsSpace) trimmed--;
            var natural = 0.0;
            for (var k = i; k < trimmed; k++) natural += atoms[k].Width;
            lines.Add(new LineSpan(i, trimmed, indent, natural, IsLast: end >= atoms.Count));
            i = end;
            first = false;
        }
        return lines;
    }

    private static bool CanBreakBefore(IReadOnlyList<Atom> atoms, int index) =>
        index >= atoms.Count || !atoms[index].NoBreakBefore;
}
