using BaZhouTalent.Typesetting.Documents;
using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting;

/// <summary>
/// The entry points the web calls: print model in, PDF bytes out. Every method composes afresh, so the
/// service is stateless and safe to call from concurrent requests.
/// </summary>
public static class PrintService
{
    /// <summary>The 结项申请书 as A4 pages, for the screen.</summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font; see <see cref="FindMissingCharacters"/>.</exception>
    public static byte[] RenderA4(ApplicationPrintModel model, TypesettingOptions? options = null) =>
        new ClosureFormDocument(model, options).RenderA4();

    /// <summary>The 结项申请书 as an A3 saddle-stitched booklet, for the paper submission.</summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font.</exception>
    public static byte[] RenderA3Booklet(ApplicationPrintModel model, TypesettingOptions? options = null) =>
        new ClosureFormDocument(model, options).RenderA3Booklet();

    /// <summary>The final report alone, as A4 pages.</summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font.</exception>
    public static byte[] RenderReport(ApplicationPrintModel model, TypesettingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new FinalReportDocument(model.Report, options).Render();
    }

    /// <summary>
    /// Characters in the application that no configured or bundled font covers, with the field each occurs in
    /// (in Chinese, for the user to correct). Empty means every document prints.
    /// </summary>
    public static IReadOnlyList<MissingCharacter> FindMissingCharacters(ApplicationPrintModel model, TypesettingOptions? options = null) =>
        new ClosureFormDocument(model, options).MissingCharacters;
}
