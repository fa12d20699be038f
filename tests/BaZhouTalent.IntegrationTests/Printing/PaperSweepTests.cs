using System.Net;
using BaZhouTalent.Application.Certificates;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.IntegrationTests.Desk;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.Typesetting;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Printing;

/// <summary>
/// The paper with the longest text the forms accept, through the real chain: an application whose title and 成果名称
/// are at the register's maximum is signed at every stage with opinions of one length, concluded, and its A4 form,
/// A3 booklet, report and certificate are read back: every opinion whole with its signer, date and 核验码 after its
/// last line and 60 mm between, nothing below the type area, the certificate one page with its QR code clear of the
/// table and decoding at 150 and 300 dpi, every file passing qpdf --check (docs/print-rules.md).
/// </summary>
public class PaperSweepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>The sweep's lengths; a box that must have an opinion gets the shortest one instead of none.</summary>
    public static TheoryData<int> Lengths => [0, 300, 800, 1100, ReviewLimits.Opinion];

    private static string Text(int length, string lead, bool required = true) =>
        length == 0 ? (required ? "同意。" : "") : LongText.Opinion(length, lead);

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Every_box_prints_its_whole_opinion_and_signature_and_the_certificate_holds_one_page(int length)
    {
        var code = $"BZ26YB{900 + length / 100:000}";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou, p => p.Title = LongText.Title(PrintLimits.Title, "项目"));
        await SubmitAsync(portal, code, a => a.ResultTitle = LongText.Title(PrintLimits.Title, "成果"));

        await ActOkAsync(await SignInAsync(portal, "unit.bzdx"), code, "unit", Opinion(text: Text(length, "单位意见：")));
        await ActOkAsync(await SignInAsync(portal, "skl.bazhou"), code, "county",
            new Dictionary<string, string>(Opinion(text: Text(length, "县区意见："))) { ["Input.PersonInCharge"] = "赵静" });
        var admin = await SignInAsync(portal, "admin");
        await ActOkAsync(admin, code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1"));
        var chief = await SignInAsync(portal, "expert.1");
        await ActOkAsync(chief, code, "appraise", Opinion(text: Text(length, "个人意见："), grade: "Good"));
        await ActOkAsync(chief, code, "combine", Opinion(text: Text(length, "鉴定意见："), grade: "Good"));
        await ActOkAsync(admin, code, "decide", new Dictionary<string, string>
        {
            ["Input.Approve"] = "true", ["Input.Opinion"] = Text(length, "审核意见：", required: false),
        });

        var application = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.Concluded, application.Status);
        var a4 = await PdfAsync(admin, $"/applications/{code}/print/a4.pdf");
        PaperChecks.SectionsHold(a4, Sections(application));

        var certificate = await PdfAsync(admin, $"/applications/{code}/certificate.pdf");
        PaperChecks.CertificateLaidOut(certificate, Certificate.Model(application, "http://localhost:5080")!);
        var concluding = Certificate.ConcludingOpinion(application)!;
        foreach (var dpi in new[] { 150, 300 })
            Assert.Equal($"http://localhost:5080/verify/{concluding.VerificationCode}", DeskKit.DecodeQr(certificate, dpi));

        Qpdf.AssertClean(a4, "A4");
        Qpdf.AssertClean(await PdfAsync(admin, $"/applications/{code}/print/a3-booklet.pdf"), "A3");
        Qpdf.AssertClean(await PdfAsync(admin, $"/applications/{code}/print/report.pdf"), "report");
        Qpdf.AssertClean(certificate, "certificate");
    }

    [Fact]
    public async Task The_page_counts_to_the_limit_the_paper_holds_and_refuses_one_character_more_with_the_text_kept()
    {
        const string code = "BZ26YB950";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        var unit = await SignInAsync(portal, "unit.bzdx");
        var page = await OpenAsync(unit, code);
        var box = page.Document.QuerySelector("form[data-form=unit] textarea[name='Input.Opinion']")!;
        Assert.Equal(PrintLimits.Opinion.ToString(System.Globalization.CultureInfo.InvariantCulture), box.GetAttribute("maxlength"));
        Assert.True(box.HasAttribute("data-count"));

        var tooLong = LongText.Opinion(PrintLimits.Opinion + 1, "单位意见：");
        var refused = await PostFormAsync(unit, page, "unit", Opinion(text: tooLong));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"审核意见不能超过 {PrintLimits.Opinion} 字。", refused.Text);
        Assert.Equal(tooLong, refused.Document.QuerySelector("textarea[name='Input.Opinion']")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(ApplicationStatus.UnitReview, (await LoadAsync(portal, code)).Status);

        // At the limit, with its line breaks sent as a browser sends them (CR LF), counted once each.
        var atLimit = LongText.Opinion(PrintLimits.Opinion, "单位意见：").Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.True(atLimit.Length > PrintLimits.Opinion);
        var accepted = await PostFormAsync(unit, refused, "unit", Opinion(text: atLimit));
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
    }

    /// <summary>What 二–五 must print, from what was recorded: the opinion (or the last item), signer, date and code.</summary>
    private static PaperChecks.Section[] Sections(ClosureApplication application)
    {
        ReviewOpinion Signed(ReviewStage stage) => application.Opinions.Single(o => o.Stage == stage && o.Round == application.Round);
        string Date(ReviewOpinion o)
        {
            var date = o.SignedAt.ChinaDate();
            return $"{date.Year} 年 {date.Month} 月 {date.Day} 日";
        }
        string Last(ReviewOpinion o, string item) => o.OpinionText.Length > 0 ? o.OpinionText : item;
        var (unit, county, chief, federation) = (Signed(ReviewStage.Unit), Signed(ReviewStage.County), Signed(ReviewStage.ChiefExpert), Signed(ReviewStage.Federation));
        return
        [
            new("二、申请人所在单位审核意见", Last(unit, "2.最终结果的内容质量是否符合预期研究目标："), "签 章",
                unit.SignerName, Date(unit), "核验码：" + unit.VerificationCode),
            new("三、县（区）社科联意见", Last(county, "2.是否同意结项："), "单位（公章）:",
                "赵静", Date(county), "核验码：" + county.VerificationCode),
            new("四、专家鉴定意见", Last(chief, "3.鉴定等级：优秀"), "主审专家签字：",
                chief.SignerName, Date(chief), "核验码：" + chief.VerificationCode),
            new("五、市社科联审核意见", Last(federation, "结项证书编号：" + application.CertificateNumber), "单位（公章）:",
                federation.SignerName, Date(federation), "核验码：" + federation.VerificationCode),
        ];
    }

    private static async Task<byte[]> PdfAsync(Browser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
