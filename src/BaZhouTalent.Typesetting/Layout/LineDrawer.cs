using System.Text;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>
/// Draws one line. Justification spreads the slack over the gaps between atoms (never inside a Latin word or
/// number); runs of atoms in one face with no added space are drawn with a single DrawString, so a line set
/// solid on the grid costs one call per font change.
/// </summary>
internal static class LineDrawer
{
    // The ideographic em box sits 0.88 em above and 0.12 em below the baseline in the CJK faces we use.
    private const double EmBoxAscent = 0.88;
    private const double MaxStretch = 0.25;

    public static double ExtraPerGap(IReadOnlyList<Atom> atoms, LineSpan line, TextAlign align, double width)
    {
        var stretch = align == TextAlign.Distribute || (align == TextAlign.Justify && !line.IsLast);
        if (!stretch) return 0;
        var slack = width - line.Indent - line.NaturalWidth;
        // A line cut short before an unbreakable long word would be spread to gaping letter spacing; like a
        // last line, it is better set flush left.
        if (slack <= 0 || (align == TextAlign.Justify && slack > MaxStretch * width)) return 0;
        var gaps = 0;
        for (var k = line.Start + 1; k < line.End; k++)
            if (!atoms[k].NoStretchBefore) gaps++;
        return gaps == 0 ? 0 : slack / gaps;
    }

    public static void Draw(DrawContext context, IReadOnlyList<Atom> atoms, LineSpan line, TextAlign align, double width, double x, double top, double lineHeight)
    {
        if (line.End <= line.Start) return;
        var extra = ExtraPerGap(atoms, line, align, width);
        var slack = width - line.Indent - line.NaturalWidth;
        var start = x + line.Indent + align switch
        {
            TextAlign.Center => Math.Max(0, slack / 2),
            TextAlign.Right => Math.Max(0, slack),
            TextAlign.Distribute when extra == 0 => Math.Max(0, slack / 2), // one atom: centre it
            _ => 0,
        };
        var size = 0.0;
        for (var k = line.Start; k < line.End; k++) size = Math.Max(size, atoms[k].Style.Size);
        var baseline = top + (lineHeight - size) / 2 + EmBoxAscent * size;

        var run = new StringBuilder();
        Atom? runAtom = null;
        var runX = 0.0;
        var pen = start;
        for (var k = line.Start; k < line.End; k++)
        {
            var atom = atoms[k];
            if (k > line.Start && extra > 0 && !atom.NoStretchBefore)
            {
                Flush(context, run, runAtom, runX, baseline);
                pen += extra;
            }
            if (atom.Kind == AtomKind.Checkbox)
            {
                Flush(context, run, runAtom, runX, baseline);
                DrawCheckbox(context, atom, pen, baseline);
            }
            else if (atom.Face is null || atom.Text.Length == 0)
            {
                Flush(context, run, runAtom, runX, baseline);
            }
            else
            {
                if (runAtom is not null && (runAtom.Face != atom.Face || runAtom.Style != atom.Style))
                    Flush(context, run, runAtom, runX, baseline);
                if (run.Length == 0)
                {
                    runAtom = atom;
                    runX = pen;
                }
                run.Append(atom.Text);
            }
            pen += atom.Width;
        }
        Flush(context, run, runAtom, runX, baseline);
    }

    private static void Flush(DrawContext context, StringBuilder run, Atom? atom, double x, double baseline)
    {
        if (run.Length == 0 || atom?.Face is null)
        {
            run.Clear();
            return;
        }
        // Spaces at a run's end print nothing; trimming keeps PDFsharp from emitting them.
        var text = run.ToString().TrimEnd(' ');
        if (text.Length > 0)
            context.DrawText(text, atom.Face, atom.Style, x, baseline);
        run.Clear();
    }

    private static void DrawCheckbox(DrawContext context, Atom atom, double x, double baseline)
    {
        var size = atom.Style.Size;
        var side = 0.72 * size;
        var centreY = baseline - (EmBoxAscent - 0.5) * size;
        var left = x + (atom.Width - side) / 2;
        context.Graphics.DrawRectangle(context.Pen(Math.Max(0.5, size / 24)), left, centreY - side / 2, side, side);
        if (!atom.Ticked || atom.Face is null) return;
        // Centre the tick's outline (not its advance box, which sets it low and left) on the box's centre.
        var (xMin, yMin, xMax, yMax) = atom.Face.Bounds('√') ?? (0, 0, atom.Face.Advance('√'), EmBoxAscent);
        var tickX = left + side / 2 - (xMin + xMax) / 2 * size;
        var tickBaseline = centreY + (yMin + yMax) / 2 * size;
        context.DrawText("√", atom.Face, atom.Style, tickX, tickBaseline);
    }
}
