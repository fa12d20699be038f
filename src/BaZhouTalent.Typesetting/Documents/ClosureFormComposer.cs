using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Imposition;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// Composes the 结项申请书 as the paper form reads, one method per section: cover, 声明, 填表说明, the change
/// table, review sections 二–五 and the final report.
/// </summary>
internal sealed partial class ClosureFormComposer : Composer
{
    private const double Indent = 2 * Styles.Size3Hao;
    private readonly ApplicationPrintModel _model;

    public ClosureFormComposer(ApplicationPrintModel model, FontCatalog catalog)
        : base(catalog)
    {
        _model = model;
        ComposeCover();
        ComposeDeclaration();
        ComposeInstructions();
        ComposeChangeTable();
        AddPair(UnitOpinionBox(), CountyOpinionBox(), UnitHeight);
        AddPair(ExpertOpinionBox(), FederationOpinionBox(), ExpertHeight);
        ComposeFinalReport();
    }

    public IReadOnlyList<IElement> Composed => Elements;

    public Shaper TextShaper => Shaper;

    private void ComposeCover()
    {
        var cover = _model.Cover;
        Elements.Add(SuppressPageNumber.Instance);
        Elements.Add(new Spacer(Styles.GridPitch));
        Elements.Add(Fixed(FormTexts.Programme, new TextStyle(FontRole.XiaoBiaoSong, Styles.Size2Hao), new ParagraphFormat(48, TextAlign.Center)));
        Elements.Add(Fixed(FormTexts.FormTitle, new TextStyle(FontRole.XiaoBiaoSong, Styles.SizeXiaoChu), new ParagraphFormat(72, TextAlign.Center, SpaceBefore: 12)));
        // Long titles and unit names: the gap under the title closes first, then the values are set smaller,
        // so the issuing line always stays at the foot of the cover.
        var issuerHeight = 2 * Styles.GridPitch;
        var room = PageTemplate.A4Official.ContentHeight - Styles.GridPitch - 48 - 84 - issuerHeight;
        Table table = null!;
        foreach (var (gap, size, line) in CoverScales)
        {
            table = CoverTable(cover, new TextStyle(FontRole.Fang, size), line);
            if (gap + table.Layout(PageTemplate.A4Official.ContentWidth, double.MaxValue, atPageTop: true).Placed!.Height <= room)
            {
                Elements.Add(new Spacer(gap));
                break;
            }
        }
        Elements.Add(table);

        var issuer = new TextStyle(FontRole.Kai, Styles.Size3Hao);
        Elements.Add(new FillToBottom(
        [
            Fixed(FormTexts.Issuer, issuer, new ParagraphFormat(Styles.GridPitch, TextAlign.Center)),
            Text("封面·制表年月", cover.FormEdition, issuer, new ParagraphFormat(Styles.GridPitch, TextAlign.Center)),
        ]));
        Elements.Add(PageBreak.Instance);
    }

    /// <summary>The gap under the cover's title and the size of its values, largest first.</summary>
    private static readonly (double Gap, double Size, double Line)[] CoverScales =
    [
        (3 * Styles.GridPitch, Styles.Size3Hao, Styles.GridPitch),
        (Styles.GridPitch, Styles.Size3Hao, Styles.GridPitch),
        (Styles.GridPitch, Styles.Size4Hao, 24),
        (0, 12, 20),
    ];

    private Table CoverTable(CoverPrint cover, TextStyle style, double line)
    {
        string[] values =
        [
            cover.ProjectCode, cover.Category, cover.ProjectTitle, cover.LeaderName, cover.UnitName,
        ];
        var label = new TextStyle(FontRole.Hei, Styles.Size3Hao);
        // Wide enough for a 19-character project title on one underlined line.
        var table = new TableBuilder(8, 100, 16, 316, 8);
        for (var i = 0; i < FormTexts.CoverLabels.Length; i++)
        {
            var (text, field) = FormTexts.CoverLabels[i];
            var valueFormat = new ParagraphFormat(line, TextAlign.Center);
            var value = i < values.Length
                ? Text(field, values[i], style, valueFormat)
                : Inlines(field, valueFormat, DateInlines(cover.FillDate, style));
            table.Row(44,
                new CellSpec([], Borders: Borders.None),
                new CellSpec([Fixed(text, label, new ParagraphFormat(Styles.GridPitch, TextAlign.Distribute))], Borders: Borders.None, Align: CellAlign.Top),
                new CellSpec([], Borders: Borders.None),
                new CellSpec([value], Borders: Borders.Bottom, Align: CellAlign.Top),
                new CellSpec([], Borders: Borders.None));
        }
        return table.Build(paddingX: 0, paddingY: 6);
    }

    private void ComposeDeclaration()
    {
        var declaration = _model.Declaration;
        var body = Styles.Body;
        Elements.Add(Fixed(FormTexts.DeclarationTitle, Styles.ReportTitle, new ParagraphFormat(48, TextAlign.Center, SpaceAfter: Styles.GridPitch)));
        Elements.Add(Fixed(FormTexts.DeclarationText, body, new ParagraphFormat(Styles.GridPitch, TextAlign.Justify, Indent, SpaceAfter: Styles.GridPitch)));
        // Flush left: with the indent the longer question and its two boxes would not fit one 28-character line.
        var choiceFormat = new ParagraphFormat(Styles.GridPitch, TextAlign.Left);
        Elements.Add(Inlines("声明·是否涉及敏感问题", choiceFormat, [new TextInline(FormTexts.SensitiveQuestion, body), .. Choice("是", "否", declaration.Sensitive, body)]));
        Elements.Add(new Spacer(Styles.GridPitch));
        Elements.Add(Inlines("声明·是否涉密", choiceFormat, [new TextInline(FormTexts.ClassifiedQuestion, body), .. Choice("是", "否", declaration.Classified, body)]));
        Elements.Add(new Spacer(2 * Styles.GridPitch));
        var signFormat = new ParagraphFormat(Styles.GridPitch, TextAlign.Left, 7 * Styles.Size3Hao);
        Elements.Add(Inlines("声明·项目负责人签字", signFormat,
            new TextInline(FormTexts.LeaderSignature, body),
            declaration.SignerName is { } signer ? new TextInline("　" + signer, body) : new GapInline(6, body)));
        Elements.Add(Inlines("声明·签字日期", new ParagraphFormat(Styles.GridPitch, TextAlign.Left, 15 * Styles.Size3Hao), DateInlines(declaration.SignedOn, body)));
        Elements.Add(PageBreak.Instance);
    }

    private void ComposeInstructions()
    {
        Elements.Add(Fixed(FormTexts.InstructionsTitle, Styles.ReportTitle, new ParagraphFormat(48, TextAlign.Center, SpaceAfter: Styles.GridPitch)));
        foreach (var item in FormTexts.Instructions)
            Elements.Add(Fixed(item, Styles.Body, new ParagraphFormat(Styles.GridPitch, TextAlign.Justify, Indent)));
        Elements.Add(PageBreak.Instance);
    }

    private void ComposeFinalReport()
    {
        Elements.Add(PageBreak.Instance);
        Elements.Add(Fixed(FormTexts.FinalReportTitle, Styles.ReportTitle, new ParagraphFormat(48, TextAlign.Center, SpaceAfter: Styles.GridPitch / 2)));
        ReportComposer.Compose(Elements, Shaper, _model.Report);
    }
}
