using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>
/// Review sections 二–五, each a ruled box: the fixed review items, then what was recorded (ticked choices,
/// opinion, signer, unit, date, verification code), or blank room and 年 月 日 for signing by hand.
/// </summary>
internal sealed partial class ClosureFormComposer
{
    private const double SectionLine = 24;
    private const double SectionPadding = 8;
    private const double SectionGap = 12;
    private const double NoteLine = 13;

    /// <summary>Signature lines start right of the middle of the box, as on the paper form; notes stay left of them.</summary>
    private const double SignIndent = 180;
    private const double NotesWidth = SignIndent - 8;

    // Two sections share a page (二+三, 四+五) and fill it: 638 pt less the gap between the boxes. Each leaves
    // at least 60 mm between its review items and its signature for six hand-written lines and a 42 mm seal;
    // 四 is the taller of its pair because its three ticked items come first.
    private const double PairHeight = 638 - SectionGap;
    private const double UnitHeight = PairHeight / 2;
    private const double CountyHeight = PairHeight - UnitHeight;
    private const double FederationHeight = 271;
    private const double ExpertHeight = PairHeight - FederationHeight;

    /// <summary>Sizes a recorded opinion is tried in, largest first, until it fits the room above the signature.</summary>
    private static readonly (TextStyle Style, double Line)[] OpinionSizes =
    [
        (Styles.SectionBody, SectionLine),
        (Styles.SectionBody with { Size = 12 }, 20),
        (Styles.Small, 16),
    ];

    private static ParagraphFormat Line => new(SectionLine, TextAlign.Justify);

    private static ParagraphFormat Indented => new(SectionLine, TextAlign.Justify, 2 * Styles.Size4Hao);

    private static ParagraphFormat SignLine => new(SectionLine, TextAlign.Left, LeftIndent: SignIndent);

    private static ParagraphFormat TitleLine => new(Styles.GridPitch, TextAlign.Left);

    private void ComposeUnitOpinion()
    {
        var opinion = _model.UnitOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.UnitTitle, Styles.SectionTitle, TitleLine),
            Fixed(FormTexts.UnitItems, body, Line),
        };
        if (opinion is not null)
        {
            content.Add(Inlines("二·审核事项 1", Line, [new TextInline(FormTexts.UnitItem1, body), .. Choice("有", "无", opinion.HasPoliticalIssues, body)]));
            content.Add(Inlines("二·审核事项 2", Line, [new TextInline(FormTexts.UnitItem2, body), .. Choice("是", "否", opinion.MeetsGoals, body)]));
        }
        var signature = opinion?.Signature;
        var sign = new List<Paragraph>
        {
            Inlines("二·签章", SignLine, new TextInline(FormTexts.Seal, body), SignedText(signature?.UnitName, Signer(signature), body)),
            Inlines("二·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        AddSection(content, sign, Verification("二", signature?.VerificationCode), UnitHeight, "二·审核意见", opinion?.Opinion);
        Elements.Add(new Spacer(SectionGap));
    }

    private void ComposeCountyOpinion()
    {
        var opinion = _model.CountyOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.CountyTitle, Styles.SectionTitle, TitleLine),
            Fixed(FormTexts.CountyItems, body, Line),
        };
        if (opinion is { IsNotApplicable: true })
        {
            content.Add(Fixed(FormTexts.NotApplicable, Styles.Body, new ParagraphFormat(3 * SectionLine, TextAlign.Center)));
            AddSection(content, [], [], CountyHeight);
            Elements.Add(PageBreak.Instance);
            return;
        }
        if (opinion is not null)
        {
            content.Add(Inlines("三·审核事项 1", Line, [new TextInline(FormTexts.CountyItem1, body), .. Choice("有", "无", opinion.HasIdeologyIssues, body)]));
            content.Add(Inlines("三·审核事项 2", Line, [new TextInline(FormTexts.CountyItem2, body), .. Choice("是", "否", opinion.AgreesToClose, body)]));
        }
        var signature = opinion?.Signature;
        var sign = new List<Paragraph>
        {
            Inlines("三·单位", SignLine, new TextInline(FormTexts.UnitSeal, body), SignedText(signature?.UnitName, null, body)),
            Inlines("三·负责人签字", SignLine, new TextInline(FormTexts.HeadSignature, body), SignedText(Signer(signature), null, body)),
            Inlines("三·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        AddSection(content, sign, Verification("三", signature?.VerificationCode), CountyHeight, "三·审核意见", opinion?.Opinion);
        Elements.Add(PageBreak.Instance);
    }

    private void ComposeExpertOpinion()
    {
        var opinion = _model.ExpertOpinion;
        if (opinion?.Exemption is { } exemption)
        {
            ComposeExemption(opinion, exemption);
            return;
        }
        var body = Styles.SectionBody;
        var grade = opinion?.Grade;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.ExpertTitle, Styles.SectionTitle, TitleLine),
            Fixed(FormTexts.ExpertHint, body, Line),
            Inlines("四·意识形态", Line, [new TextInline(FormTexts.ExpertItem1, body), new GapInline(0.5, body), .. Choice("有", "否", opinion?.HasIdeologyIssues, body)]),
            Inlines("四·是否同意结项", Line, [new TextInline(FormTexts.ExpertItem2, body), .. Choice("是", "否", opinion?.AgreesToClose, body)]),
            Inlines("四·鉴定等级", Line,
                new TextInline(FormTexts.ExpertItem3, body),
                new TextInline("优秀", body), new CheckboxInline(grade == AppraisalGradePrint.Excellent, body), new GapInline(1, body),
                new TextInline("良好", body), new CheckboxInline(grade == AppraisalGradePrint.Good, body), new GapInline(1, body),
                new TextInline("合格", body), new CheckboxInline(grade == AppraisalGradePrint.Pass, body)),
        };
        var sign = new List<Paragraph>
        {
            Inlines("四·主审专家签字", SignLine, new TextInline(FormTexts.ChiefExpertSignature, body), SignedText(opinion?.ChiefExpertName, null, body)),
            Inlines("四·日期", SignLine, DateInlines(opinion?.Date, body)),
        };
        AddSection(content, sign, Verification("四", opinion?.VerificationCode), ExpertHeight, "四·鉴定意见", opinion?.Opinion);
        Elements.Add(new Spacer(SectionGap));
    }

    /// <summary>四 when the federation granted 免于鉴定: its statement and grade in the same box, signed by the federation.</summary>
    private void ComposeExemption(ExpertOpinionPrint opinion, ExemptionPrint exemption)
    {
        var body = Styles.SectionBody;
        var grade = opinion.Grade;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.ExpertTitle, Styles.SectionTitle, TitleLine),
            Text("四·免于鉴定", exemption.Statement, body, Indented),
            Inlines("四·鉴定等级", Line,
                new TextInline(FormTexts.ExemptionGrade, body),
                new TextInline("优秀", body), new CheckboxInline(grade == AppraisalGradePrint.Excellent, body), new GapInline(1, body),
                new TextInline("良好", body), new CheckboxInline(grade == AppraisalGradePrint.Good, body), new GapInline(1, body),
                new TextInline("合格", body), new CheckboxInline(grade == AppraisalGradePrint.Pass, body), new GapInline(1, body),
                new TextInline("免鉴", body), new CheckboxInline(grade is null, body)),
        };
        var sign = new List<Paragraph>
        {
            Inlines("四·单位", SignLine, new TextInline(FormTexts.UnitSeal, body), SignedText(exemption.Signature.UnitName, Signer(exemption.Signature), body)),
            Inlines("四·日期", SignLine, DateInlines(opinion.Date, body)),
        };
        AddSection(content, sign, Verification("四", opinion.VerificationCode), ExpertHeight, "四·审核意见", opinion.Opinion);
        Elements.Add(new Spacer(SectionGap));
    }

    private void ComposeFederationOpinion()
    {
        var opinion = _model.FederationOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.FederationTitle, Styles.SectionTitle, TitleLine),
        };
        if (opinion?.Agreed is { } agreed)
            content.Add(Fixed(agreed ? FormTexts.FederationAgreed : FormTexts.FederationRejected, body, Indented));
        if (!string.IsNullOrWhiteSpace(opinion?.CertificateNumber))
            content.Add(Text("五·结项证书编号", FormTexts.CertificateLabel + opinion.CertificateNumber, body, Indented));
        var signature = opinion?.Signature;
        var sign = new List<Paragraph>
        {
            Inlines("五·单位", SignLine, new TextInline(FormTexts.UnitSeal, body), SignedText(signature?.UnitName, Signer(signature), body)),
            Inlines("五·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        AddSection(content, sign, Verification("五", signature?.VerificationCode), FederationHeight, "五·审核意见", opinion?.Reason);
    }

    private List<Paragraph> OpinionParagraphs(string field, string? opinion, TextStyle style, double line)
    {
        if (string.IsNullOrWhiteSpace(opinion)) return [];
        return [.. opinion.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => Text(field, paragraph, style, new ParagraphFormat(line, TextAlign.Justify, 2 * style.Size)))];
    }

    /// <summary>The 核验码 and where to check it, set small beside the signature.</summary>
    private List<Paragraph> Verification(string section, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return [];
        var format = new ParagraphFormat(NoteLine, TextAlign.Left);
        var notes = new List<Paragraph> { Text(section + "·核验码", FormTexts.VerificationLabel + code, Styles.Note, format) };
        // The address on a line of its own, so it never breaks inside.
        if (!string.IsNullOrWhiteSpace(_model.VerifyAddress))
        {
            notes.Add(Fixed(FormTexts.VerifyAt, Styles.Note, format));
            notes.Add(Text(section + "·核验网址", _model.VerifyAddress, Styles.Note, format));
        }
        return notes;
    }

    /// <summary>A recorded name (and unit signer), or blank room to sign by hand.</summary>
    private static Inline SignedText(string? primary, string? secondary, TextStyle style)
    {
        if (string.IsNullOrWhiteSpace(primary)) return new GapInline(6, style);
        var text = " " + primary + (string.IsNullOrWhiteSpace(secondary) ? "" : "（" + secondary + "）");
        return new TextInline(text, style);
    }

    /// <summary>The signer as printed: post (for staff) before the real name.</summary>
    private static string? Signer(SignaturePrint? signature) =>
        signature is null ? null : string.Join(" ", new[] { signature.SignerPost, signature.SignerName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>
    /// One ruled box per section, of the height <paramref name="height"/>: review items at the top, the signature
    /// block at the bottom, and room between for a hand-written opinion and a round seal. A recorded opinion too
    /// long for that room is set smaller before the box is allowed to grow.
    /// </summary>
    private void AddSection(List<Paragraph> content, List<Paragraph> signature, List<Paragraph> notes, double height, string? opinionField = null, string? opinion = null)
    {
        var width = PageTemplate.A4Official.ContentWidth;
        OpinionBox? box = null;
        foreach (var (style, line) in OpinionSizes)
        {
            box = new OpinionBox([.. content, .. OpinionParagraphs(opinionField ?? "", opinion, style, line)], signature, notes, height, NotesWidth, SectionPadding);
            if (box.FreeHeight(width) >= 0) break;
        }
        Elements.Add(box!);
    }
}
