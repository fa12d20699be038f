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

    /// <summary>
    /// Room kept between the last line of a section and its signature block, recorded or blank: six hand-written
    /// lines, or a 42 mm round seal with its clearance (docs/print-rules.md).
    /// </summary>
    public const double SigningRoom = 60 * PageTemplate.Millimetre;

    // Two sections share a page (二+三, 四+五) while both fit it with their signing room: 638 pt less the gap
    // between the boxes, split as on the paper form; 四 is the taller of its pair because its three items come first.
    private const double PageHeight = 638;
    private const double PairHeight = PageHeight - SectionGap;
    private const double UnitHeight = PairHeight / 2;
    private const double FederationHeight = 271;
    private const double ExpertHeight = PairHeight - FederationHeight;

    /// <summary>
    /// Sizes a recorded opinion is set in: 4 号 while its section fits one page, else 小四, which keeps a
    /// maximum-length opinion to two pages.
    /// </summary>
    private static readonly (TextStyle Style, double Line)[] OpinionSizes =
    [
        (Styles.SectionBody, SectionLine),
        (Styles.SectionBody with { Size = 12 }, 20),
    ];

    private static ParagraphFormat Line => new(SectionLine, TextAlign.Justify);

    private static ParagraphFormat Indented => new(SectionLine, TextAlign.Justify, 2 * Styles.Size4Hao);

    private static ParagraphFormat SignLine => new(SectionLine, TextAlign.Left, LeftIndent: SignIndent);

    private static ParagraphFormat TitleLine => new(Styles.GridPitch, TextAlign.Left);

    private OpinionBox UnitOpinionBox()
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
            Inlines("二·签章", SignLine, [new TextInline(FormTexts.Seal, body), .. SignedText(signature?.UnitName, Signer(signature), body)]),
            Inlines("二·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        return Section(FormTexts.UnitTitle, content, sign, Verification("二", signature?.VerificationCode), "二·审核意见", opinion?.Opinion);
    }

    private OpinionBox CountyOpinionBox()
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
            return Section(FormTexts.CountyTitle, content, [], []);
        }
        if (opinion is not null)
        {
            content.Add(Inlines("三·审核事项 1", Line, [new TextInline(FormTexts.CountyItem1, body), .. Choice("有", "无", opinion.HasIdeologyIssues, body)]));
            content.Add(Inlines("三·审核事项 2", Line, [new TextInline(FormTexts.CountyItem2, body), .. Choice("是", "否", opinion.AgreesToClose, body)]));
        }
        var signature = opinion?.Signature;
        var sign = new List<Paragraph>
        {
            Inlines("三·单位", SignLine, [new TextInline(FormTexts.UnitSeal, body), .. SignedText(signature?.UnitName, null, body)]),
            Inlines("三·负责人签字", SignLine, [new TextInline(FormTexts.HeadSignature, body), .. SignedText(Signer(signature), null, body)]),
            Inlines("三·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        return Section(FormTexts.CountyTitle, content, sign, Verification("三", signature?.VerificationCode), "三·审核意见", opinion?.Opinion);
    }

    private OpinionBox ExpertOpinionBox()
    {
        var opinion = _model.ExpertOpinion;
        if (opinion?.Exemption is { } exemption) return ExemptionBox(opinion, exemption);
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
            Inlines("四·主审专家签字", SignLine, [new TextInline(FormTexts.ChiefExpertSignature, body), .. SignedText(opinion?.ChiefExpertName, null, body)]),
            Inlines("四·日期", SignLine, DateInlines(opinion?.Date, body)),
        };
        return Section(FormTexts.ExpertTitle, content, sign, Verification("四", opinion?.VerificationCode), "四·鉴定意见", opinion?.Opinion);
    }

    /// <summary>四 when the federation granted 免于鉴定: its statement and grade in the same box, signed by the federation.</summary>
    private OpinionBox ExemptionBox(ExpertOpinionPrint opinion, ExemptionPrint exemption)
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
            Inlines("四·单位", SignLine, [new TextInline(FormTexts.UnitSeal, body), .. SignedText(exemption.Signature.UnitName, Signer(exemption.Signature), body)]),
            Inlines("四·日期", SignLine, DateInlines(opinion.Date, body)),
        };
        return Section(FormTexts.ExpertTitle, content, sign, Verification("四", opinion.VerificationCode), "四·审核意见", opinion.Opinion);
    }

    private OpinionBox FederationOpinionBox()
    {
        var opinion = _model.FederationOpinion;
        var body = Styles.SectionBody;
        var content = new List<Paragraph>
        {
            Fixed(FormTexts.FederationTitle, Styles.SectionTitle, TitleLine),
        };
        // The decision in words, unless the opinion itself opens with it (“同意结项。” typed as the opinion prints once).
        if (opinion?.Agreed is { } agreed && !OpensWithDecision(opinion.Reason, agreed))
            content.Add(Fixed(agreed ? FormTexts.FederationAgreed : FormTexts.FederationRejected, body, Indented));
        if (!string.IsNullOrWhiteSpace(opinion?.CertificateNumber))
            content.Add(Text("五·结项证书编号", FormTexts.CertificateLabel + opinion.CertificateNumber, body, Indented));
        var signature = opinion?.Signature;
        var sign = new List<Paragraph>
        {
            Inlines("五·单位", SignLine, [new TextInline(FormTexts.UnitSeal, body), .. SignedText(signature?.UnitName, Signer(signature), body)]),
            Inlines("五·日期", SignLine, DateInlines(signature?.Date, body)),
        };
        return Section(FormTexts.FederationTitle, content, sign, Verification("五", signature?.VerificationCode), "五·审核意见", opinion?.Reason);
    }

    private static bool OpensWithDecision(string? opinion, bool agreed)
    {
        var decision = (agreed ? FormTexts.FederationAgreed : FormTexts.FederationRejected).TrimEnd('。');
        return opinion is not null && opinion.TrimStart().StartsWith(decision, StringComparison.Ordinal);
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
    private static IEnumerable<Inline> SignedText(string? primary, string? secondary, TextStyle style)
    {
        if (string.IsNullOrWhiteSpace(primary)) return [new GapInline(6, style)];
        if (string.IsNullOrWhiteSpace(secondary)) return [new TextInline(" " + primary, style)];
        return [new TextInline(" " + primary, style), new TextInline("（" + secondary + "）", style, KeepTogether: true)];
    }

    /// <summary>The signer as printed: post (for staff) before the real name.</summary>
    private static string? Signer(SignaturePrint? signature) =>
        signature is null ? null : string.Join(" ", new[] { signature.SignerPost, signature.SignerName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>
    /// 二+三 or 四+五: on one page while both fit it with their signing room, the upper box taking its share of the
    /// paper form's page unless the lower needs it; otherwise each section on a page of its own, ruled to its foot.
    /// </summary>
    private void AddPair(OpinionBox upper, OpinionBox lower, double upperShare)
    {
        var width = PageTemplate.A4Official.ContentWidth;
        var upperHeight = upper.NaturalHeight(width);
        var lowerHeight = lower.NaturalHeight(width);
        if (upperHeight + lowerHeight <= PairHeight + 0.01)
        {
            var height = Math.Max(upperHeight, Math.Min(upperShare, PairHeight - lowerHeight));
            Elements.Add(upper.WithMinHeight(height));
            Elements.Add(new Spacer(SectionGap));
            Elements.Add(lower.WithMinHeight(PairHeight - height));
        }
        else
        {
            Elements.Add(upper.WithMinHeight(PageHeight));
            Elements.Add(PageBreak.Instance);
            Elements.Add(lower.WithMinHeight(PageHeight));
        }
        Elements.Add(PageBreak.Instance);
    }

    /// <summary>
    /// One section's ruled box: heading and items, the recorded opinion (in the largest size with which the section
    /// fits one page), the signing room and the signature block.
    /// </summary>
    private OpinionBox Section(string title, List<Paragraph> content, List<Paragraph> signature, List<Paragraph> notes, string opinionField = "", string? opinion = null)
    {
        var parts = new OpinionBox.Parts(signature, notes, NotesWidth,
            Fixed(title + "（续）", Styles.SectionTitle, TitleLine),
            Fixed("（转下页）", Styles.Small, new ParagraphFormat(16, TextAlign.Right)),
            SigningRoom, PageHeight, SectionPadding);
        var width = PageTemplate.A4Official.ContentWidth;
        OpinionBox? box = null;
        foreach (var (style, line) in OpinionSizes)
        {
            box = new OpinionBox([.. content, .. OpinionParagraphs(opinionField, opinion, style, line)], parts);
            if (box.NaturalHeight(width) <= PageHeight) break;
        }
        return box!;
    }
}
