using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Imposition;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// The printed 结项申请书 of one application. Composing happens on construction, so
/// <see cref="MissingCharacters"/> is known before anything is drawn; the render methods refuse to print
/// while it is not empty.
/// </summary>
public sealed class ClosureFormDocument
{
    private readonly ClosureFormComposer _composer;
    private readonly string _title;

    /// <summary>Composes the form for a print model.</summary>
    /// <param name="model">The application to print.</param>
    /// <param name="options">Font configuration; null uses the bundled substitutes.</param>
    public ClosureFormDocument(ApplicationPrintModel model, TypesettingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _composer = new ClosureFormComposer(model, FontCatalog.For(options));
        _title = $"{model.Cover.ProjectCode} 结项申请书";
    }

    /// <summary>Characters no configured or bundled font covers, with the field each occurs in; empty when printable.</summary>
    public IReadOnlyList<MissingCharacter> MissingCharacters => _composer.MissingCharacters;

    /// <summary>The form as A4 portrait pages (595 × 842 pt).</summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font.</exception>
    public byte[] RenderA4() => RenderA4(recorder: null);

    /// <summary>Renders A4 and records every text draw call (for the benchmark baseline).</summary>
    internal byte[] RenderA4(List<DrawnText>? recorder)
    {
        if (MissingCharacters.Count > 0) throw new MissingCharactersException(MissingCharacters);
        var template = PageTemplate.A4Official;
        var pages = Paginator.Paginate(_composer.Composed, template);
        return PdfRenderer.Render(pages, template, _composer.TextShaper, _title, recorder);
    }

    /// <summary>Lays the form out into pages without drawing (for the benchmark).</summary>
    internal int Paginate() => Paginator.Paginate(_composer.Composed, PageTemplate.A4Official).Count;

    /// <summary>
    /// The form imposed two-up on A3 landscape sheets (1191 × 842 pt) in saddle-stitch order, padded with blank
    /// pages to a multiple of four; print duplex, flipped on the short edge, fold and staple.
    /// </summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font.</exception>
    public byte[] RenderA3Booklet() => BookletImposer.Impose(RenderA4(), _title + "（A3 骑马订）");
}
