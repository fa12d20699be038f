using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Tests.Printing;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.UnitTests.Typesetting;

/// <summary>Print models with the longest texts the forms accept, for the paper tests and the print samples.</summary>
public static class LongModels
{
    private const string Url = "https://skl.bazhong.example/verify/F5R1-7TWC";
    private static readonly DateOnly Signed = new(2025, 11, 3);

    /// <summary>The seed with every section recorded and each opinion <paramref name="length"/> characters long.</summary>
    public static ApplicationPrintModel Recorded(int length) => SeedPrint.Model() with
    {
        UnitOpinion = new UnitOpinionPrint(false, true, LongText.Opinion(length, "单位意见："),
            new SignaturePrint("李明", "中共巴中市巴州区委党校", Signed, "U7K2-9QXD", "教研室主任")),
        CountyOpinion = new CountyOpinionPrint(false, false, true, LongText.Opinion(length, "县区意见："),
            new SignaturePrint("赵六", "巴州区社会科学界联合会", Signed, "C4N6-3HJK", "主席")),
        ExpertOpinion = new ExpertOpinionPrint(false, true, AppraisalGradePrint.Good, LongText.Opinion(length, "鉴定意见："), "李四", Signed, "E3M8-2PLA"),
        FederationOpinion = new FederationOpinionPrint(true, length == 0 ? null : LongText.Opinion(length, "审核意见："),
            new SignaturePrint("王建华", "巴中市社会科学界联合会", Signed, "F5R1-7TWC", "科研规划科科长"), "巴社科结〔2025〕001号"),
        VerifyAddress = "https://skl.bazhong.example/verify",
    };

    /// <summary>A certificate whose 项目名称, 结项成果名称 (0: none), unit and leader are of the given lengths in characters.</summary>
    public static CertificatePrintModel Certificate(int title, int result, int unit = 20, int leader = 3, bool exempted = false, string grade = "良好") => new(
        "巴社科结〔2026〕001号", "BZ26ZD001", LongText.Title(title, "项目"), result == 0 ? "" : LongText.Title(result, "成果"), "重点课题",
        leader <= 3 ? "杨卓" : LongText.Title(leader, "姓名"), LongText.Title(unit, "中共巴中市"), grade,
        new DateOnly(2026, 3, 18), BaZhouTalent.Application.Certificates.Certificate.Issuer, Url, BaZhouTalent.Application.Certificates.Certificate.QrModules(Url), exempted);
}
