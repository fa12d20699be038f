using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>
/// BZ25YB027 through the whole chain with the demo accounts. The submission itself is made through the
/// workflow's Submit intent in setup (the researcher's submit page belongs to the application issue).
/// The printed form is then read back: every opinion, signer, date and code in sections 二 to 五.
/// </summary>
public class ReviewChainTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task BZ25YB027_passes_unit_county_three_experts_chief_and_federation_and_gets_a_certificate()
    {
        await SubmitAsync(portal, ReferenceCode);

        // 二: the unit reviewer finds it in the list, opens it, signs.
        var unit = await SignInAsync(portal, "unit.bzdx");
        var list = await unit.GetAsync("/Review/Unit");
        Assert.Contains($"/Review/Act/{ReferenceCode}", list.Links);
        await ActOkAsync(unit, ReferenceCode, "unit", Opinion(text: "经审核，该成果无政治导向问题，质量符合预期研究目标，同意报送。"));
        Assert.Equal(ApplicationStatus.CountyReview, (await LoadAsync(portal, ReferenceCode)).Status);

        // 三: 巴州区社科联.
        var county = await SignInAsync(portal, "skl.bazhou");
        await ActOkAsync(county, ReferenceCode, "county",
            new Dictionary<string, string>(Opinion(text: "同意结项，报市社科联。")) { ["Input.PersonInCharge"] = "王主任" });
        Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, ReferenceCode)).Status);

        // 受理: three experts, expert.1 chief.
        var admin = await SignInAsync(portal, "admin");
        await ActOkAsync(admin, ReferenceCode, "assign", await ExpertsAsync(portal, "expert.1", "expert.1", "expert.2", "expert.3"));
        var withExperts = await LoadAsync(portal, ReferenceCode);
        Assert.Equal(ApplicationStatus.ExpertReview, withExperts.Status);
        Assert.All(withExperts.ExpertAssignments, e => Assert.Null(e.ClosedAt)); // open: on the experts' 待办

        // 四: three appraisals, then the chief combines (the suggestion is pre-selected: median 良好).
        await ActOkAsync(await SignInAsync(portal, "expert.2"), ReferenceCode, "appraise", Opinion(text: "成果扎实。", grade: "Excellent"));
        await ActOkAsync(await SignInAsync(portal, "expert.3"), ReferenceCode, "appraise", Opinion(text: "基本达到要求。", grade: "Pass"));
        var chief = await SignInAsync(portal, "expert.1");
        await ActOkAsync(chief, ReferenceCode, "appraise", Opinion(text: "质量较好。", grade: "Good"));
        var chiefPage = await OpenAsync(chief, ReferenceCode);
        var combine = chiefPage.Document.QuerySelector("form[data-form=combine]")!;
        Assert.Equal("Good", combine.QuerySelector("input[name='Input.Grade'][checked]")?.GetAttribute("value"));
        Assert.Equal(3, chiefPage.Document.QuerySelectorAll("[data-stage=Expert]").Length);
        await ActOkAsync(chief, ReferenceCode, "combine", new Dictionary<string, string>
        {
            ["Input.HasProblem"] = "false", ["Input.Agrees"] = "true", ["Input.Grade"] = "Good", ["Input.Opinion"] = "综合三位专家意见，同意结项，鉴定等级良好。",
        });
        var combined = await LoadAsync(portal, ReferenceCode);
        Assert.Equal(ApplicationStatus.FederationReview, combined.Status);
        Assert.Equal(3, combined.ExpertAssignments.Count(e => e.ClosedAt != null)); // the round's assignments closed as it left the experts

        // 五: approval with a certificate number.
        await ActOkAsync(admin, ReferenceCode, "decide", new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });
        var done = await LoadAsync(portal, ReferenceCode);
        Assert.Equal(ApplicationStatus.Concluded, done.Status);
        Assert.Matches(@"^巴社科结〔\d{4}〕001号$", done.CertificateNumber!);
        var page = await OpenAsync(admin, ReferenceCode);
        Assert.Contains(done.CertificateNumber!, page.Text);

        // Every signed section resolves on /verify without sign-in, with matching content; the signer is named
        // except for the chief expert, whom the public (and so the researcher) never learns.
        var signed = done.Opinions.Where(o => o.Round == done.Round).ToList();
        Assert.Equal([ReviewStage.Unit, ReviewStage.County, ReviewStage.Expert, ReviewStage.Expert, ReviewStage.Expert, ReviewStage.ChiefExpert, ReviewStage.Federation],
            signed.OrderBy(o => o.Stage).Select(o => o.Stage));
        var anonymous = new Browser(portal.CreateBrowser());
        foreach (var opinion in signed.Where(o => o.Stage != ReviewStage.Expert))
        {
            var verify = await anonymous.GetAsync($"/verify/{opinion.VerificationCode}");
            Assert.Equal(HttpStatusCode.OK, verify.Status);
            Assert.Contains("该签署真实有效", verify.Text);
            if (opinion.Stage == ReviewStage.ChiefExpert)
            {
                Assert.DoesNotContain(opinion.SignerName, verify.Text);
                Assert.Contains("主审专家", verify.Text);
            }
            else
            {
                Assert.Contains(opinion.SignerName, verify.Text);
            }
        }
        var unknown = await anonymous.GetAsync("/verify/ZZZZZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("未找到", unknown.Text);

        // The history shows every step in order.
        var history = await admin.GetAsync($"/Review/History/{ReferenceCode}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        foreach (var step in new[] { "提交", "单位审核通过", "县区社科联审核通过", "受理并分配鉴定专家", "主审专家综合鉴定", "同意结项" })
            Assert.Contains(step, history.Text);

        // The printed form carries every opinion, signer, date and verification code in sections 二 to 五.
        var form = PdfText(await admin.Client.GetByteArrayAsync($"/applications/{ReferenceCode}/print/a4.pdf"));
        var start = form.IndexOf("二、申请人所在单位审核意见", StringComparison.Ordinal);
        var sections = form[start..form.IndexOf("最终成果", start, StringComparison.Ordinal)];
        foreach (var expected in new[]
                 {
                     "经审核，该成果无政治导向问题，质量符合预期研究目标，同意报送。", "中共巴中市巴州区委党校",
                     "同意结项，报市社科联。", "王主任", "综合三位专家意见，同意结项，鉴定等级良好。", "张立新", "同意结项。",
                 })
            Assert.Contains(expected, sections);
        Assert.True(sections.Count(c => c == '√') >= 7, "二 (2), 三 (2), 四 (3) and 五 tick their choices");
        // Signers print as persons: the unit reviewer's post and real name, not the account's display name; 五
        // carries the certificate number; each 核验码 says where to check it.
        Assert.Contains("教研室主任李明", sections);
        Assert.DoesNotContain("巴州区委党校审核人", sections);
        Assert.Contains("科研规划科科长王建华", sections);
        Assert.Contains("结项证书编号：" + done.CertificateNumber, sections);
        Assert.Contains("核验码：", sections);
        Assert.Contains("核验网址：http://localhost:5080/verify", sections);
        Assert.DoesNotContain("验证码", sections);
        foreach (var opinion in signed.Where(o => o.Stage != ReviewStage.Expert))
        {
            Assert.Contains(opinion.VerificationCode, sections);
            Assert.Contains(opinion.SignedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日"), sections);
        }

        // An expert's copy is blind: no leader, participant, unit name or phone number anywhere.
        var blind = PdfText(await (await SignInAsync(portal, "expert.2")).Client.GetByteArrayAsync($"/applications/{ReferenceCode}/print/a4.pdf"));
        Assert.Contains("盲审隐去", blind);
        foreach (var identity in new[] { "杨卓", "唐华林", "李亚军", "中共巴中市巴州区委党校", "15282706916", "19983661986" })
            Assert.DoesNotContain(identity, blind);
    }

}
