using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BaZhouTalent.Typesetting.Layout;

/// <summary>Draws laid-out pages into a PDF, with the GB/T 9704 page number “— N —” below the type area.</summary>
internal static class PdfRenderer
{
    private const double FooterSize = 14; // 4 号

    public static byte[] Render(IReadOnlyList<PageContent> pages, PageTemplate template, Shaper shaper, string title, List<DrawnText>? recorder = null)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "BaZhouTalent";
        document.Options.CompressContentStreams = true;
        var fonts = new FontCache();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(template.Width);
            page.Height = XUnit.FromPoint(template.Height);
            using var graphics = XGraphics.FromPdfPage(page);
            var context = new DrawContext(graphics, fonts, i, recorder);
            foreach (var (item, x, y) in pages[i].Items)
                item.Draw(context, template.Left + x, template.Top + y);
            if (pages[i].ShowNumber)
                DrawPageNumber(context, template, shaper, i + 1);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return PdfFinisher.Finish(stream.ToArray());
    }

    /// <summary>
    /// GB/T 9704: the number sits 7 mm below the type area, odd pages to the right and even pages to the left,
    /// one character in from the edge, so that both sit on the outer edge of a duplex sheet.
    /// </summary>
    private static void DrawPageNumber(DrawContext context, PageTemplate template, Shaper shaper, int number)
    {
        var style = new TextStyle(Fonts.FontRole.Fang, FooterSize);
        var atoms = shaper.Shape("— " + number.ToString(CultureInfo.InvariantCulture) + " —", style);
        var paragraph = new Paragraph(atoms, new ParagraphFormat(FooterSize, number % 2 == 1 ? TextAlign.Right : TextAlign.Left));
        var width = template.ContentWidth - 2 * FooterSize;
        var top = template.Height - template.Bottom + 7 * PageTemplate.Millimetre;
        paragraph.Layout(width, double.MaxValue, atPageTop: true).Placed!.Draw(context, template.Left + FooterSize, top);
    }
}
