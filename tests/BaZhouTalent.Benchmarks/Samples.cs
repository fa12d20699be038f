using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.Documents;
using BaZhouTalent.Typesetting.PrintModel;
using BaZhouTalent.UnitTests.Typesetting;

namespace BaZhouTalent.Benchmarks;

/// <summary>
/// Writes the seed's PDFs, and the longest texts the forms accept, for docs/print-samples (rendered to PNG with pdftoppm afterwards):
/// <c>dotnet run -c Release --project tests/BaZhouTalent.Benchmarks -- samples /tmp/samples</c>.
/// </summary>
internal static class Samples
{
    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var model = SeedPrint.Model();
        var a4 = PrintService.RenderA4(model);
        File.WriteAllBytes(Path.Combine(directory, "seed-a4.pdf"), a4);
        File.WriteAllBytes(Path.Combine(directory, "seed-a3-booklet.pdf"), PrintService.RenderA3Booklet(model));
        File.WriteAllBytes(Path.Combine(directory, "seed-report.pdf"), PrintService.RenderReport(model));
        File.WriteAllBytes(Path.Combine(directory, "recorded-a4.pdf"), PrintService.RenderA4(WithOpinions(model)));
        // The longest texts the forms accept (docs/print-rules.md).
        File.WriteAllBytes(Path.Combine(directory, "opinions-800-a4.pdf"), PrintService.RenderA4(LongModels.Recorded(800)));
        File.WriteAllBytes(Path.Combine(directory, "opinions-2000-a4.pdf"), PrintService.RenderA4(LongModels.Recorded(PrintLimits.Opinion)));
        File.WriteAllBytes(Path.Combine(directory, "certificate-longest.pdf"),
            new CertificateDocument(LongModels.Certificate(PrintLimits.Title, PrintLimits.Title, 40, 3)).Render());
        File.WriteAllBytes(Path.Combine(directory, "certificate-exempted.pdf"),
            new CertificateDocument(LongModels.Certificate(24, 0, 11, 3, exempted: true, grade: CertificatePrintModel.NoGrade)).Render());
        Console.WriteLine($"A4 application: {a4.Length:N0} bytes");
    }

    /// <summary>The seed as it prints once every party has recorded its part (illustrative opinions).</summary>
    private static ApplicationPrintModel WithOpinions(ApplicationPrintModel model)
    {
        var date = new DateOnly(2025, 11, 3);
        return model with
        {
            Declaration = new DeclarationPrint(false, false, model.Cover.LeaderName, model.Cover.FillDate),
            UnitOpinion = new UnitOpinionPrint(false, true, "该成果无政治导向问题，内容质量符合预期研究目标，同意报送。",
                new SignaturePrint("王明", model.Cover.UnitName, new DateOnly(2025, 10, 20), "U7K2-9QXD", "教研室主任")),
            CountyOpinion = new CountyOpinionPrint(false, false, true, "同意结项。", new SignaturePrint("李华", "巴州区社会科学界联合会", new DateOnly(2025, 10, 24), "C4N6-3HJB", "副主席")),
            ExpertOpinion = new ExpertOpinionPrint(false, true, AppraisalGradePrint.Good, "成果资料翔实，对策具有可操作性，同意结项。", "赵磊", date, "E3M8-2PLA"),
            FederationOpinion = new FederationOpinionPrint(true, null,
                new SignaturePrint("王建华", "巴中市社会科学界联合会", new DateOnly(2025, 11, 10), "F5R1-7TWC", "科研规划科科长"), "巴社科结〔2025〕001号"),
            VerifyAddress = "https://skl.bazhong.gov.cn/verify",
        };
    }
}
