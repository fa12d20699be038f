using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>Reads produced PDFs back: their letters in drawing order, without whitespace, body and footer apart.</summary>
public sealed class PdfText
{
    // The type area ends 99 pt above the paper's bottom edge; the page number sits below it.
    private const double FooterLine = 88;

    private PdfText(IReadOnlyList<Letter> letters)
    {
        Letters = letters;
        var text = new StringBuilder();
        foreach (var letter in letters) text.Append(letter.Value);
        Text = text.ToString();
    }

    /// <summary>Letters of the type area, whitespace dropped, in drawing order.</summary>
    public IReadOnlyList<Letter> Letters { get; }

    /// <summary>The letters' values joined; index i is <see cref="Letters"/>[i].</summary>
    public string Text { get; }

    public static PdfText Body(byte[] pdf, int firstPage = 1)
    {
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPages()
            .Where(p => p.Number >= firstPage)
            .SelectMany(p => p.Letters)
            .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.StartBaseLine.Y > FooterLine)
            .ToList();
        return new PdfText(letters);
    }

    /// <summary>The printed page number of each half of each page (“— N —”), read from below the type area.</summary>
    public static List<(int? Left, int? Right)> PageNumbers(byte[] pdf, double halfWidth)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page =>
        {
            var footer = page.Letters.Where(l => l.StartBaseLine.Y < FooterLine && char.IsAsciiDigit(l.Value[0])).ToList();
            int? Number(IEnumerable<Letter> half)
            {
                var digits = string.Concat(half.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value));
                return digits.Length == 0 ? null : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            }
            return (Number(footer.Where(l => l.StartBaseLine.X < halfWidth)), Number(footer.Where(l => l.StartBaseLine.X >= halfWidth)));
        })];
    }

    public static string Squeeze(string s) =>
        string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c is not ('☐' or '☒' or '☑')));
}
