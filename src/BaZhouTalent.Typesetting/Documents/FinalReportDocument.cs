using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>The final report alone, typeset to 填表说明 三 on A4 with page numbers from 1.</summary>
public sealed class FinalReportDocument
{
    private readonly ReportOnlyComposer _composer;
    private readonly string _title;

    /// <summary>Composes the report.</summary>
    /// <param name="report">The report's paragraphs; the first is its title.</param>
    /// <param name="options">Font configuration; null uses the bundled substitutes.</param>
    public FinalReportDocument(IReadOnlyList<ReportParagraph> report, TypesettingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        _composer = new ReportOnlyComposer(report, FontCatalog.For(options));
        _title = report.Count > 0 ? report[0].Text : "最终成果";
    }

    /// <summary>Characters no configured or bundled font covers, by paragraph; empty when printable.</summary>
    public IReadOnlyList<MissingCharacter> MissingCharacters => _composer.MissingCharacters;

    /// <summary>The report as A4 portrait pages.</summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font.</exception>
    public byte[] Render()
    {
        if (MissingCharacters.Count > 0) throw new MissingCharactersException(MissingCharacters);
        var template = PageTemplate.A4Official;
        return PdfRenderer.Render(Paginator.Paginate(_composer.Composed, template), template, _composer.TextShaper, _title);
    }

    private sealed class ReportOnlyComposer : Composer
    {
        public ReportOnlyComposer(IReadOnlyList<ReportParagraph> report, FontCatalog catalog)
            : base(catalog) => ComposeFinalReport(report);

        public IReadOnlyList<IElement> Composed => Elements;

        public Shaper TextShaper => Shaper;

        private void ComposeFinalReport(IReadOnlyList<ReportParagraph> report) => ReportComposer.Compose(Elements, Shaper, report);
    }
}
