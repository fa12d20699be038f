using BaZhouTalent.Typesetting.PrintModel;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace BaZhouTalent.Tests.Printing;

/// <summary>
/// What must hold on paper whatever the text (docs/print-rules.md), measured on a produced PDF read back with PdfPig:
/// every recorded opinion printed whole, its signer, date and 核验码 after its last line with the signing room
/// between, and nothing below the page-number line or off the paper. Shared by the unit tests and the chain sweep.
/// </summary>
public static class PaperChecks
{
    public const double Mm = 72 / 25.4;

    /// <summary>The A4 form's type area ends 99 pt above the paper's bottom edge; only the page number is below it.</summary>
    public const double TypeAreaBottom = 841.89 - 37 * Mm - 638;

    /// <summary>The least room between the last line of a section and its signature line.</summary>
    public const double SigningRoomMm = 60;

    /// <summary>One review section as it must print.</summary>
    /// <param name="Title">Its heading, e.g. 二、申请人所在单位审核意见.</param>
    /// <param name="LastLine">The text the section's content ends with: the opinion, or the last review item when there is none.</param>
    /// <param name="SignatureLine">The start of its first signature line, e.g. 签章.</param>
    /// <param name="Printed">What else must print in the section: signer, date, 核验码.</param>
    public sealed record Section(string Title, string LastLine, string SignatureLine, params string[] Printed);

    /// <summary>A letter with the page it is on (0-based).</summary>
    public readonly record struct Placed(int Page, Letter Letter);

    /// <summary>Every letter of the document above the page numbers, whitespace dropped, in drawing order, page by page.</summary>
    public static List<Placed> Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.StartBaseLine.Y > TypeAreaBottom - 6)
            .Select(l => new Placed(page.Number - 1, l)))];
    }

    public static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Checks one section: its whole opinion and every expected text printed between its heading and the next
    /// section (continuation marks aside), and at least <see cref="SigningRoomMm"/> between the bottom of its last
    /// line and the top of its signature line, both on the same page.
    /// </summary>
    public static void SectionHoldsItsSignature(byte[] pdf, Section section, string? nextTitle)
    {
        var letters = Letters(pdf);
        var joined = string.Concat(letters.Select(l => l.Letter.Value));
        var start = joined.IndexOf(section.Title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{section.Title} is not printed");
        var end = nextTitle is null ? joined.Length : joined.IndexOf(nextTitle, start, StringComparison.Ordinal);
        Assert.True(end > start, $"{nextTitle} does not follow {section.Title}");

        // The section's own letters, without the marks a split box adds (转下页, the heading again with （续）).
        var kept = new List<Placed>();
        var text = new System.Text.StringBuilder();
        var continued = section.Title + "（续）";
        for (var i = start; i < end; i++)
        {
            var skip = Marks(joined, i, "（转下页）") ?? Marks(joined, i, continued);
            if (skip is { } length) { i += length - 1; continue; }
            kept.Add(letters[i]);
            text.Append(joined[i]);
        }
        var body = text.ToString();
        var lastLine = Squeeze(section.LastLine);
        var at = body.IndexOf(lastLine, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{section.Title}: the text ending “…{Tail(lastLine)}” is not printed whole");
        foreach (var expected in section.Printed)
            Assert.True(body.Contains(Squeeze(expected), StringComparison.Ordinal), $"{section.Title}: “{expected}” is not printed");

        var sign = body.IndexOf(Squeeze(section.SignatureLine), at + lastLine.Length, StringComparison.Ordinal);
        Assert.True(sign >= 0, $"{section.Title}: no signature line after the last line");
        var last = kept.GetRange(at, lastLine.Length);
        var lastRow = last.Where(l => l.Page == last[^1].Page && Math.Abs(l.Letter.StartBaseLine.Y - last[^1].Letter.StartBaseLine.Y) < 1).ToList();
        var signature = kept.GetRange(sign, Squeeze(section.SignatureLine).Length);
        Assert.True(signature[0].Page == lastRow[0].Page, $"{section.Title}: the signature is not on the page of the last line");
        var room = (lastRow.Min(l => Bottom(l.Letter)) - signature.Max(l => Top(l.Letter))) / Mm;
        Assert.True(room >= SigningRoomMm - 0.5, $"{section.Title}: {room:F1} mm between the last line and the signature line");
    }

    /// <summary>Every section of a form in turn (the last one followed by 最终成果), and the page margins.</summary>
    public static void SectionsHold(byte[] a4, IReadOnlyList<Section> sections)
    {
        for (var i = 0; i < sections.Count; i++)
            SectionHoldsItsSignature(a4, sections[i], i + 1 < sections.Count ? sections[i + 1].Title : "最终成果");
        NothingBelowTheTypeArea(a4);
    }

    /// <summary>Nothing printed on the type area's bottom margin but the page number “— N —”, and nothing off the paper.</summary>
    public static void NothingBelowTheTypeArea(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= 0 && box.Right <= page.Width && box.Bottom >= 0 && box.Top <= page.Height,
                    $"page {page.Number}: “{letter.Value}” lies off the paper");
                if (letter.Value is "—" || char.IsAsciiDigit(letter.Value[0])) continue;
                Assert.True(Bottom(letter) >= TypeAreaBottom - 0.5,
                    $"page {page.Number}: “{letter.Value}” at {Bottom(letter):F1} pt is below the type area");
            }
            foreach (var path in page.Paths)
            {
                if (path.GetBoundingRectangle() is not { } box) continue;
                Assert.True(box.Bottom >= TypeAreaBottom - 1, $"page {page.Number}: a rule reaches {box.Bottom:F1} pt, below the type area");
                Assert.True(box.Left >= 0 && box.Right <= page.Width && box.Top <= page.Height, $"page {page.Number}: a rule leaves the paper");
            }
        }
    }

    /// <summary>One page; the QR code's area overlaps neither the table's rules nor any letter; every fact printed.</summary>
    public static void CertificateLaidOut(byte[] pdf, CertificatePrintModel model)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        var qr = FilledArea(page) ?? throw new Xunit.Sdk.XunitException("no QR code drawn");
        var table = RuledArea(page, maxWidth: page.Width - 2 * 30 * Mm + 1) ?? throw new Xunit.Sdk.XunitException("no table drawn");
        Assert.False(Overlap(qr, table), $"QR {qr} overlaps the table {table}");
        Assert.True(qr.Top < table.Bottom, "the QR code is not below the table");
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.DoesNotContain(letters, l => Overlap(qr, l.BoundingBox));
        var text = string.Concat(letters.Select(l => l.Value));
        foreach (var fact in new[] { model.ProjectTitle, model.ResultTitle, model.LeaderName, model.UnitName, model.Grade, model.Issuer, $"{model.IssuedOn.Year}年{model.IssuedOn.Month}月{model.IssuedOn.Day}日", "证书编号：" + model.CertificateNumber })
            Assert.Contains(Squeeze(fact), text, StringComparison.Ordinal);
        // The issuer and date stand clear of the table too, at the foot beside the QR code.
        var issuer = letters.Where(l => l.StartBaseLine.Y < qr.Top && l.StartBaseLine.X > qr.Right).ToList();
        Assert.Contains("巴中市社会科学界联合会", string.Concat(issuer.Select(l => l.Value)), StringComparison.Ordinal);
        Assert.All(issuer, l => Assert.True(Top(l) < table.Bottom));
    }

    /// <summary>The glyph's lowest extent, estimated from its baseline and size (descent 12 % of the em).</summary>
    public static double Bottom(Letter letter) => letter.StartBaseLine.Y - 0.12 * letter.PointSize;

    /// <summary>The glyph's highest extent, estimated from its baseline and size (ascent 88 % of the em).</summary>
    public static double Top(Letter letter) => letter.StartBaseLine.Y + 0.88 * letter.PointSize;

    /// <summary>The union of the bounding boxes of the page's filled, unstroked paths (the QR code's modules).</summary>
    public static PdfRectangle? FilledArea(Page page) => Union(page.Paths.Where(p => p.IsFilled && !p.IsStroked));

    /// <summary>The union of the bounding boxes of the page's stroked paths narrower than <paramref name="maxWidth"/> (a table's rules, not a frame).</summary>
    public static PdfRectangle? RuledArea(Page page, double maxWidth) =>
        Union(page.Paths.Where(p => p.IsStroked && p.GetBoundingRectangle() is { } b && b.Width < maxWidth));

    private static PdfRectangle? Union(IEnumerable<UglyToad.PdfPig.Graphics.PdfPath> paths)
    {
        PdfRectangle? union = null;
        foreach (var path in paths)
        {
            if (path.GetBoundingRectangle() is not { } b) continue;
            union = union is { } u
                ? new PdfRectangle(Math.Min(u.Left, b.Left), Math.Min(u.Bottom, b.Bottom), Math.Max(u.Right, b.Right), Math.Max(u.Top, b.Top))
                : b;
        }
        return union;
    }

    public static bool Overlap(PdfRectangle a, PdfRectangle b) =>
        a.Left < b.Right && b.Left < a.Right && a.Bottom < b.Top && b.Bottom < a.Top;

    private static int? Marks(string joined, int index, string mark) =>
        string.CompareOrdinal(joined, index, mark, 0, mark.Length) == 0 ? mark.Length : null;

    private static string Tail(string s) => s.Length <= 12 ? s : s[^12..];
}
