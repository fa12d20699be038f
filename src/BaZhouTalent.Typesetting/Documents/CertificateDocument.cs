using BaZhouTalent.Typesetting.Fonts;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;
using PdfSharp.Drawing;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// The 结项证书: one A4 page in the form's type (小标宋 title, 仿宋 text, a ruled table of the project), with
/// the federation's name, the date and a seal area at the foot, and a QR code drawn as vector modules that
/// opens the verification page for this certificate.
/// </summary>
public sealed class CertificateDocument
{
    private readonly CertificateComposer _composer;
    private readonly CertificatePrintModel _model;

    /// <summary>Composes the certificate.</summary>
    /// <param name="model">What to print.</param>
    /// <param name="options">Font configuration; null uses the bundled substitutes.</param>
    public CertificateDocument(CertificatePrintModel model, TypesettingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _composer = new CertificateComposer(model, FontCatalog.For(options));
    }

    /// <summary>Characters no configured or bundled font covers, by field; empty when printable.</summary>
    public IReadOnlyList<MissingCharacter> MissingCharacters => _composer.MissingCharacters;

    /// <summary>The certificate as one A4 portrait page.</summary>
    /// <exception cref="MissingCharactersException">Some character has no glyph in any font.</exception>
    public byte[] Render()
    {
        if (MissingCharacters.Count > 0) throw new MissingCharactersException(MissingCharacters);
        return PdfRenderer.Render(_composer.Pages, CertificateComposer.Page, _composer.TextShaper, $"结项证书 {_model.CertificateNumber}");
    }

    /// <summary>Whether the certificate fits its one page (every title the register accepts does).</summary>
    public bool FitsOnePage => _composer.Pages.Count == 1;

    /// <summary>
    /// Lays the certificate out in the largest of a few type scales with which everything — statement, table and
    /// the foot with the QR code and issuer — fits one framed page; the foot never moves up into the table.
    /// </summary>
    private sealed class CertificateComposer : Composer
    {
        private const double Mm = PageTemplate.Millimetre;

        public static readonly PageTemplate Page = new(595.28, 841.89, Left: 30 * Mm, Top: 38 * Mm, Right: 30 * Mm, Bottom: 28 * Mm);

        /// <summary>Statement (3 号 on the grid, then smaller) and table sizes, largest first.</summary>
        private static readonly (double Body, double BodyLine, double Table, double TableLine)[] Scales =
        [
            (Styles.Size3Hao, Styles.GridPitch, Styles.Size4Hao, 22),
            (15, 26, 13, 20),
            (Styles.Size4Hao, 24, 12, 18),
            (13, 21, Styles.Size5Hao, 16),
            (12, 18, 10, 14),
        ];

        public CertificateComposer(CertificatePrintModel model, FontCatalog catalog) : base(catalog)
        {
            foreach (var scale in Scales)
            {
                Elements.Clear();
                Compose(model, scale);
                Pages = Paginator.Paginate(Elements, Page);
                if (Pages.Count == 1) break;
            }
        }

        public List<PageContent> Pages { get; private set; } = [];

        public Shaper TextShaper => Shaper;

        private void Compose(CertificatePrintModel model, (double Body, double BodyLine, double Table, double TableLine) scale)
        {
            Elements.Add(SuppressPageNumber.Instance);
            Elements.Add(new Figure(0, (g, _, _, _) => DrawFrame(g)));
            Elements.Add(Fixed("结项证书", new TextStyle(FontRole.XiaoBiaoSong, Styles.SizeXiaoChu), new ParagraphFormat(60, TextAlign.Center)));
            Elements.Add(Text("证书编号", "证书编号：" + model.CertificateNumber, new TextStyle(FontRole.Fang, Styles.Size4Hao),
                new ParagraphFormat(24, TextAlign.Right, SpaceBefore: 12, SpaceAfter: 12)));
            ComposeStatement(model, new TextStyle(FontRole.Fang, scale.Body), scale.BodyLine);
            ComposeTable(model, scale.Table, scale.TableLine);
            ComposeFoot(model);
        }

        private void ComposeStatement(CertificatePrintModel model, TextStyle style, double line)
        {
            var body = new ParagraphFormat(line, TextAlign.Justify, FirstLineIndent: 2 * style.Size);
            var outcome = model.Exempted
                ? model.Grade == CertificatePrintModel.NoGrade ? "经审核免于鉴定，准予结项。" : $"经审核免于鉴定，鉴定等级为“{model.Grade}”，准予结项。"
                : $"经专家鉴定，鉴定等级为“{model.Grade}”，准予结项。";
            Elements.Add(Text("证书正文",
                $"{model.LeaderName}同志主持的巴中市哲学社会科学规划项目《{model.ProjectTitle}》" +
                $"（立项编号：{model.ProjectCode}），{outcome}", style, body));
            Elements.Add(Fixed("特发此证。", style, body with { SpaceAfter = line / 2 }));
        }

        private void ComposeTable(CertificatePrintModel model, double size, double line)
        {
            var label = new TextStyle(FontRole.Hei, size);
            var value = new TextStyle(FontRole.Fang, size);
            (string Label, string Value)[] rows =
            [
                ("立项编号", model.ProjectCode),
                ("项目类别", model.Category),
                ("项目名称", model.ProjectTitle),
                .. model.ResultTitle.Length > 0 && model.ResultTitle != model.ProjectTitle
                    ? new[] { ("结项成果名称", model.ResultTitle) } : [],
                ("项目负责人", model.LeaderName),
                ("所在单位", model.UnitName),
                ("鉴定等级", model.Exempted && model.Grade != CertificatePrintModel.NoGrade ? model.Grade + "（免于鉴定）" : model.Grade),
            ];
            var labelWidth = 7.5 * size + 16;
            var table = new TableBuilder(labelWidth, Page.ContentWidth - labelWidth);
            foreach (var (text, field) in rows)
            {
                table.Row(line + 8,
                    new CellSpec([Fixed(text, label, new ParagraphFormat(line, TextAlign.Distribute, ShrinkToFit: true))]),
                    new CellSpec([Text(text, field, value, new ParagraphFormat(line, TextAlign.Left))]));
            }
            Elements.Add(table.Build(paddingX: 8, paddingY: 4));
        }

        /// <summary>The QR code at the left, the issuer and date at the right, at the page's foot.</summary>
        private void ComposeFoot(CertificatePrintModel model)
        {
            var issuer = new TextStyle(FontRole.Fang, Styles.Size3Hao);
            var small = new TextStyle(FontRole.Fang, 8);
            var right = new[]
            {
                Fixed(model.Issuer, issuer, new ParagraphFormat(Styles.GridPitch, TextAlign.Center)),
                Inlines("颁发日期", new ParagraphFormat(Styles.GridPitch, TextAlign.Center), new TextInline(FormatDate(model.IssuedOn), issuer)),
            };
            var caption = new[]
            {
                Fixed("扫码核验本证书", new TextStyle(FontRole.Fang, Styles.Size5Hao), new ParagraphFormat(14, TextAlign.Center)),
                Text("核验地址", model.VerifyUrl, small, new ParagraphFormat(10, TextAlign.Left)),
            };
            Elements.Add(new FootElement(model.QrModules, right, caption));
        }

        /// <summary>A double rule around the page, inside the paper's edge.</summary>
        private static void DrawFrame(XGraphics g)
        {
            var outer = new XPen(XColors.Black, 1.6);
            var inner = new XPen(XColors.Black, 0.5);
            g.DrawRectangle(outer, 12 * Mm, 12 * Mm, Page.Width - 24 * Mm, Page.Height - 24 * Mm);
            g.DrawRectangle(inner, 14 * Mm, 14 * Mm, Page.Width - 28 * Mm, Page.Height - 28 * Mm);
        }
    }

    /// <summary>An element of fixed height that draws itself with a callback (frames, rules outside the type area).</summary>
    private sealed class Figure(double height, Action<XGraphics, double, double, double> draw) : IElement
    {
        public LayoutSlice Layout(double width, double available, bool atPageTop) => new(new Placed(height, width, draw), null);

        private sealed class Placed(double height, double width, Action<XGraphics, double, double, double> draw) : IPlaced
        {
            public double Height => height;

            public void Draw(DrawContext context, double x, double y) => draw(context.Graphics, x, y, width);
        }
    }

    /// <summary>
    /// Takes the rest of the page: the QR code and its caption bottom left, the issuer and date bottom right level
    /// with it (where the seal is stamped). Where less room is left than it needs, it goes to the next page, so the
    /// composer knows the scale was too large.
    /// </summary>
    private sealed class FootElement(IReadOnlyList<IReadOnlyList<bool>> modules, IReadOnlyList<Paragraph> right, IReadOnlyList<Paragraph> caption) : IElement
    {
        private const double Mm = PageTemplate.Millimetre;
        private const double QrSize = 32 * Mm;
        private const double CaptionWidth = QrSize + 40 * Mm;
        private const double BlockWidth = 80 * Mm;

        /// <summary>White space kept between the table and the QR code or the issuer block.</summary>
        private const double Clearance = 6 * Mm;

        private IReadOnlyList<IReadOnlyList<bool>> Modules { get; } = modules;
        private IReadOnlyList<Paragraph> Right { get; } = right;
        private IReadOnlyList<Paragraph> Caption { get; } = caption;

        private double CaptionHeight => Caption.Sum(p => p.Measure(p == Caption[^1] ? CaptionWidth : QrSize));

        private double Needed => Clearance + CaptionHeight + Math.Max(QrSize, Right.Sum(p => p.Measure(BlockWidth)));

        public LayoutSlice Layout(double width, double available, bool atPageTop) =>
            available + 0.01 >= Needed || atPageTop ? new(new Placed(this, width, available), null) : LayoutSlice.Defer(this);

        private sealed class Placed(FootElement foot, double width, double available) : IPlaced
        {
            public double Height => available;

            public void Draw(DrawContext context, double x, double y)
            {
                var bottom = y + available;
                var captionHeight = foot.CaptionHeight;
                var qrTop = bottom - captionHeight - QrSize;
                DrawModules(context.Graphics, x, qrTop);
                var top = qrTop + QrSize;
                foreach (var paragraph in foot.Caption)
                {
                    var placed = paragraph.Layout(paragraph == foot.Caption[^1] ? CaptionWidth : QrSize, double.MaxValue, atPageTop: true).Placed!;
                    placed.Draw(context, x, top);
                    top += placed.Height;
                }
                var blockLeft = x + width - BlockWidth;
                Paragraph.DrawStack(context, foot.Right, BlockWidth, blockLeft, bottom - captionHeight - foot.Right.Sum(p => p.Measure(BlockWidth)));
            }

            /// <summary>Each dark module as a filled square; runs along a row are merged so the code stays a few hundred rectangles.</summary>
            private void DrawModules(XGraphics g, double left, double top)
            {
                var count = foot.Modules.Count;
                if (count == 0) return;
                var module = QrSize / count;
                for (var row = 0; row < count; row++)
                {
                    var cells = foot.Modules[row];
                    var column = 0;
                    while (column < cells.Count)
                    {
                        if (!cells[column]) { column++; continue; }
                        var start = column;
                        while (column < cells.Count && cells[column]) column++;
                        // A hair of overlap hides the seams a viewer's anti-aliasing would draw between modules.
                        g.DrawRectangle(XBrushes.Black, left + start * module, top + row * module, (column - start) * module + 0.05, module + 0.05);
                    }
                }
            }
        }
    }
}
