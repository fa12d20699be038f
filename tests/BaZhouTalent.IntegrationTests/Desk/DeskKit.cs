using System.Diagnostics;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Desk;

/// <summary>What the federation's desk tests share: a concluded application, the staff audit trail, reading a QR code off a PDF.</summary>
internal static class DeskKit
{
    /// <summary>Registers, submits and walks <paramref name="code"/> through every review page to 已结项 (chief expert.1 grades 良好).</summary>
    public static async Task ConcludeAsync(PortalFactory portal, string code, string unitName = PartySchoolBazhou)
    {
        await RegisterProjectAsync(portal, code, unitName);
        await SubmitAsync(portal, code);
        await ToIntakeAsync(portal, code, cityLevel: unitName == PartySchoolCity);
        await ActOkAsync(await SignInAsync(portal, "admin"), code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1"));
        var chief = await SignInAsync(portal, "expert.1");
        await ActOkAsync(chief, code, "appraise", Opinion(grade: "Good"));
        await ActOkAsync(chief, code, "combine", Opinion(grade: "Good"));
        await ActOkAsync(await SignInAsync(portal, "admin"), code, "decide",
            new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });
    }

    /// <summary>A staff action as the security audit holds it: the action, its subject and details, who and when.</summary>
    public sealed record StaffRecord(string Action, string Note, string ActorName, string Account, DateTimeOffset At);

    /// <summary>The staff actions of the security audit recorded so far, oldest first.</summary>
    public static async Task<List<StaffRecord>> StaffAuditAsync(PortalFactory portal)
    {
        var staff = Enum.GetNames<StaffAction>();
        var records = await portal.WithDbAsync(db => db.SecurityEvents.AsNoTracking().Where(e => staff.Contains(e.Kind)).OrderBy(e => e.Sequence).ToListAsync());
        return records.Select(e => new StaffRecord(e.Kind, e.Detail.Length == 0 ? e.Target : $"{e.Target}：{e.Detail}", e.AccountName, e.Account, e.At)).ToList();
    }

    /// <summary>
    /// Renders the PDF's first page with poppler (pdftoppm, grey, at <paramref name="dpi"/>) and decodes the QR code on it
    /// with ZXing: upright, then turned a quarter, as a phone tries the code held either way (about one code in a hundred
    /// at 150 dpi reads only turned: ZXing misjudges one timing line of its 5.1-pixel modules).
    /// </summary>
    public static string DecodeQr(byte[] pdf, int dpi = 300)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bazhoutalent-qr", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var pdfPath = Path.Combine(folder, "certificate.pdf");
            File.WriteAllBytes(pdfPath, pdf);
            using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", pdfPath, Path.Combine(folder, "page")])
                   { RedirectStandardError = true })!)
            {
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            }
            var (width, height, pixels) = ReadPgm(File.ReadAllBytes(Directory.GetFiles(folder, "page*.pgm").Single()));
            var page = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            var result = Decode(page) ?? Decode(page.rotateCounterClockwise());
            Assert.True(result is not null, $"no QR code could be decoded from the page rendered at {dpi} dpi");
            return result.Text;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>As a phone would: the local binarizer, then the global one (one run in many failed with the first alone).</summary>
    private static Result? Decode(LuminanceSource source)
    {
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
            ?? new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints);
    }

    /// <summary>A binary PGM (P5, 8-bit): header “P5 width height 255”, then one byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position])) position++;
            var start = position;
            while (!char.IsWhiteSpace((char)file[position])) position++;
            return System.Text.Encoding.ASCII.GetString(file, start, position - start);
        }
        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++; // the single whitespace after the maximum value
        return (width, height, file[position..(position + width * height)]);
    }
}
