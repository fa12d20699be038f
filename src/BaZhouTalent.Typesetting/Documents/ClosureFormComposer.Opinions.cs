using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// Review sections 二–五, each a ruled box: the fixed review items, then what was recorded (ticked choices,
/// opinion, signer, unit, date, verification code), or blank room and 年 月 日 for signing by hand.
/// </summary>
internal sealed partial class ClosureFormComposer
{
    private const double SectionMinHeight = 190;
    private const double SectionLine = 24;
    private const double SectionPadding = 8;

    private static ParagraphFormat Line => new(SectionLine, TextAlign.Justify);

    private static ParagraphFormat Indented => new(SectionLine, TextAlign.Justify, 2 * Styles.Size4Hao);

    /// <summary>Signature lines start right of the middle of the box, as on the paper form, and wrap there.</summary>
    private static ParagraphFormat SignLine => new(SectionLine, TextAlign.Left, LeftIndent: 180);

    private void ComposeUnitOpinion()
    {
        var opinion = _model.UnitOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.UnitTitle, Styles.SectionTitle, new ParagraphFormat(Styles.GridPitch, TextAlign.Left)),
            Fixed(FormTexts.UnitItems, body, Line),
        };
        if (opinion is not null)
        {
            content.Add(Inlines("二·审核事项 1", Line, [new TextInline(FormTexts.UnitItem1, body), .. Choice("有", "无", opinion.HasPoliticalIssues, body)]));
            content.Add(Inlines("二·审核事项 2", Line, [new TextInline(FormTexts.UnitItem2, body), .. Choice("是", "否", opinion.MeetsGoals, body)]));
            AddOpinion(content, "二·审核意见", opinion.Opinion);
        }
        var signature = opinion?.Signature;
        var fill = new List<Paragraph>
        {
            Inlines("二·签章", SignLine, new TextInline(FormTexts.Seal, body), SignedText(signature?.UnitName, signature?.SignerName, body)),
            Inlines("二·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        AddVerification(fill, signature?.VerificationCode);
        AddSection(content, fill);
    }

    private void ComposeCountyOpinion()
    {
        var opinion = _model.CountyOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.CountyTitle, Styles.SectionTitle, new ParagraphFormat(Styles.GridPitch, TextAlign.Left)),
            Fixed(FormTexts.CountyItems, body, Line),
        };
        if (opinion is { IsNotApplicable: true })
        {
            content.Add(Fixed(FormTexts.NotApplicable, Styles.Body, new ParagraphFormat(3 * SectionLine, TextAlign.Center)));
            AddSection(content, []);
            return;
        }
        if (opinion is not null)
        {
            content.Add(Inlines("三·审核事项 1", Line, [new TextInline(FormTexts.CountyItem1, body), .. Choice("有", "无", opinion.HasIdeologyIssues, body)]));
            content.Add(Inlines("三·审核事项 2", Line, [new TextInline(FormTexts.CountyItem2, body), .. Choice("是", "否", opinion.AgreesToClose, body)]));
            AddOpinion(content, "三·审核意见", opinion.Opinion);
        }
        var signature = opinion?.Signature;
        var fill = new List<Paragraph>
        {
            Inlines("三·单位", SignLine, new TextInline(FormTexts.UnitSeal, body), SignedText(signature?.UnitName, null, body)),
            Inlines("三·负责人签字", SignLine, new TextInline(FormTexts.HeadSignature, body), SignedText(signature?.SignerName, null, body)),
            Inlines("三·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        AddVerification(fill, signature?.VerificationCode);
        AddSection(content, fill);
    }

    private void ComposeExpertOpinion()
    {
        var opinion = _model.ExpertOpinion;
        var body = Styles.SectionBody;
        var grade = opinion?.Grade;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.ExpertTitle, Styles.SectionTitle, new ParagraphFormat(Styles.GridPitch, TextAlign.Left)),
            Fixed(FormTexts.ExpertHint, body, Line),
            Inlines("四·意识形态", Line, [new TextInline(FormTexts.ExpertItem1, body), new GapInline(0.5, body), .. Choice("有", "否", opinion?.HasIdeologyIssues, body)]),
            Inlines("四·是否同意结项", Line, [new TextInline(FormTexts.ExpertItem2, body), .. Choice("是", "否", opinion?.AgreesToClose, body)]),
            Inlines("四·鉴定等级", Line,
                new TextInline(FormTexts.ExpertItem3, body),
                new TextInline("优秀", body), new CheckboxInline(grade == AppraisalGradePrint.Excellent, body), new GapInline(1, body),
                new TextInline("良好", body), new CheckboxInline(grade == AppraisalGradePrint.Good, body), new GapInline(1, body),
                new TextInline("合格", body), new CheckboxInline(grade == AppraisalGradePrint.Pass, body)),
        };
        AddOpinion(content, "四·鉴定意见", opinion?.Opinion);
        var fill = new List<Paragraph>
        {
            Inlines("四·主审专家签字", SignLine, new TextInline(FormTexts.ChiefExpertSignature, body), SignedText(opinion?.ChiefExpertName, null, body)),
            Inlines("四·日期", SignLine, DateInlines(opinion?.Date, body)),
        };
        AddVerification(fill, opinion?.VerificationCode);
        AddSection(content, fill);
    }

    private void ComposeFederationOpinion()
    {
        var opinion = _model.FederationOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.FederationTitle, Styles.SectionTitle, new ParagraphFormat(Styles.GridPitch, TextAlign.Left)),
        };
        if (opinion?.Agreed is { } agreed)
            content.Add(Fixed(agreed ? FormTexts.FederationAgreed : FormTexts.FederationRejected, body, Indented));
        AddOpinion(content, "五·审核意见", opinion?.Reason);
        var signature = opinion?.Signature;
        var fill = new List<Paragraph>
        {
            Inlines("五·单位", SignLine, new TextInline(FormTexts.UnitSeal, body), SignedText(signature?.UnitName, signature?.SignerName, body)),
            Inlines("五·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        AddVerification(fill, signature?.VerificationCode);
        AddSection(content, fill);
    }

    private void AddOpinion(List<Paragraph> content, string field, string? opinion)
    {
        if (string.IsNullOrWhiteSpace(opinion)) return;
        foreach (var paragraph in opinion.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            content.Add(Text(field, paragraph, Styles.SectionBody, Indented));
    }

    private void AddVerification(List<Paragraph> fill, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return;
        fill.Add(Text("验证码", FormTexts.VerificationLabel + code, Styles.Small, new ParagraphFormat(16, TextAlign.Right)));
    }

    /// <summary>A recorded name (and unit signer), or blank room to sign by hand.</summary>
    private static Inline SignedText(string? primary, string? secondary, TextStyle style)
    {
        if (string.IsNullOrWhiteSpace(primary)) return new GapInline(6, style);
        var text = " " + primary + (string.IsNullOrWhiteSpace(secondary) ? "" : "（" + secondary + "）");
        return new TextInline(text, style);
    }

    /// <summary>
    /// One ruled box per section: review items at the top, the signature block at the bottom, with blank room
    /// between so a seal and a hand-written opinion fit where nothing was recorded.
    /// </summary>
    private void AddSection(List<Paragraph> content, List<Paragraph> signature)
    {
        var inner = PageTemplate.A4Official.ContentWidth - 2 * SectionPadding;
        var gap = Math.Max(SectionLine, SectionMinHeight - content.Sum(p => p.Measure(inner)) - signature.Sum(p => p.Measure(inner)));
        content.Add(new Paragraph([], new ParagraphFormat(gap)));
        content.AddRange(signature);
        Elements.Add(new TableBuilder(1).Row(0, new CellSpec(content, Align: CellAlign.Top)).Build(paddingX: SectionPadding, paddingY: 6));
        Elements.Add(new Spacer(12));
    }
}
