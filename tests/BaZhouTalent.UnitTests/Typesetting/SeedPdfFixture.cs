using BaZhouTalent.Typesetting;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>The seed application rendered once for every test of the class: A4, A3 booklet, report alone.</summary>
public sealed class SeedPdfFixture
{
    public SeedPdfFixture()
    {
        Model = SeedPrint.Model();
        A4 = PrintService.RenderA4(Model);
        Booklet = PrintService.RenderA3Booklet(Model);
        Report = PrintService.RenderReport(Model);
    }

    public ApplicationPrintModel Model { get; }

    public byte[] A4 { get; }

    public byte[] Booklet { get; }

    public byte[] Report { get; }
}
