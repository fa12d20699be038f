using BaZhouTalent.Typesetting.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BaZhouTalent.Typesetting.Imposition;

/// <summary>One printed side of an A3 sheet: the A4 pages on its left and right halves (1-based; null = blank).</summary>
/// <param name="Left">Page number on the left half, or null for a blank pad page.</param>
/// <param name="Right">Page number on the right half, or null for a blank pad page.</param>
public readonly record struct SheetSide(int? Left, int? Right);

/// <summary>
/// Saddle-stitch imposition (A3 纸双面印制，中缝装订): A4 pages two-up on A3 landscape, padded with blanks to a
/// multiple of four, so that the printed stack, folded once, reads 1, 2, 3 …. Sides come front, back, front,
/// back …; for landscape sheets, duplex “flip on short edge” keeps the backs upright without rotation.
/// </summary>
public static class BookletImposer
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    /// <summary>The sides to print, in order, for a document of <paramref name="pageCount"/> A4 pages.</summary>
    public static IReadOnlyList<SheetSide> Order(int pageCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageCount);
        var padded = (pageCount + 3) / 4 * 4;
        int? Page(int n) => n <= pageCount ? n : null;
        var sides = new List<SheetSide>(padded / 2);
        for (var sheet = 0; sheet < padded / 4; sheet++)
        {
            // Sheet 0 carries the outermost pages: last and first outside, second and second-to-last inside.
            sides.Add(new SheetSide(Page(padded - 2 * sheet), Page(2 * sheet + 1)));
            sides.Add(new SheetSide(Page(2 * sheet + 2), Page(padded - 2 * sheet - 1)));
        }
        return sides;
    }

    /// <summary>Imposes an A4 PDF into the A3 booklet. Pages are placed as form XObjects, so fonts are embedded once.</summary>
    /// <param name="a4Pdf">The A4 document.</param>
    /// <param name="title">The booklet's document title, or null.</param>
    public static byte[] Impose(byte[] a4Pdf, string? title = null)
    {
        using var input = new MemoryStream(a4Pdf, writable: false);
        using var form = XPdfForm.FromStream(input);
        using var booklet = new PdfDocument();
        if (title is not null) booklet.Info.Title = title;
        booklet.Options.CompressContentStreams = true;
        foreach (var side in Order(form.PageCount))
        {
            var sheet = booklet.AddPage();
            sheet.Width = XUnit.FromPoint(2 * A4Width);
            sheet.Height = XUnit.FromPoint(A4Height);
            using var graphics = XGraphics.FromPdfPage(sheet);
            Place(graphics, form, side.Left, 0);
            Place(graphics, form, side.Right, A4Width);
        }
        using var output = new MemoryStream();
        booklet.Save(output, closeStream: false);
        return PdfFinisher.Finish(output.ToArray());
    }

    private static void Place(XGraphics graphics, XPdfForm form, int? page, double x)
    {
        if (page is not { } number) return;
        form.PageNumber = number;
        graphics.DrawImage(form, x, 0, A4Width, A4Height);
    }
}
