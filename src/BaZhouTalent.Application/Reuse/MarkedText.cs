namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// A run of report text, with the number of the matched passage it belongs to (null: not matched); <paramref name="Starts"/>
/// on the passage's first run only, which carries its number and anchor when a passage spans paragraphs.
/// </summary>
public sealed record MarkedSegment(string Text, int? Mark, bool Starts = false);

/// <summary>One paragraph of a report as shown with its matched passages marked.</summary>
public sealed record MarkedParagraph(IReadOnlyList<MarkedSegment> Segments);

/// <summary>A report text (ReportMarkup: one paragraph a line, <c>**bold**</c>) cut into paragraphs and runs, with the
/// given spans (UTF-16 offsets into the markup) marked by their numbers; the bold marks are dropped.</summary>
public static class MarkedText
{
    public static IReadOnlyList<MarkedParagraph> Paragraphs(string markup, IEnumerable<(int Start, int Length, int Mark)> spans)
    {
        var marks = new int[markup.Length];
        foreach (var (start, length, mark) in spans)
        {
            var from = Math.Clamp(start, 0, markup.Length);
            Array.Fill(marks, mark, from, Math.Clamp(length, 0, markup.Length - from));
        }
        var paragraphs = new List<MarkedParagraph>();
        var started = new HashSet<int>();
        MarkedSegment Segment(string text, int? mark) => new(text, mark, mark is { } m && started.Add(m));
        var lineStart = 0;
        while (lineStart <= markup.Length)
        {
            var lineEnd = markup.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = markup.Length;
            var segments = new List<MarkedSegment>();
            var run = new System.Text.StringBuilder();
            int? current = null;
            for (var i = lineStart; i < lineEnd; i++)
            {
                if (markup[i] == '*' && i + 1 < lineEnd && markup[i + 1] == '*') { i++; continue; }
                if (markup[i] == '\r') continue;
                int? mark = marks[i] == 0 ? null : marks[i];
                if (mark != current && run.Length > 0)
                {
                    segments.Add(Segment(run.ToString(), current));
                    run.Clear();
                }
                current = mark;
                run.Append(markup[i]);
            }
            if (run.Length > 0)
                segments.Add(Segment(run.ToString(), current));
            if (segments.Count > 0)
                paragraphs.Add(new MarkedParagraph(segments));
            lineStart = lineEnd + 1;
        }
        return paragraphs;
    }
}
