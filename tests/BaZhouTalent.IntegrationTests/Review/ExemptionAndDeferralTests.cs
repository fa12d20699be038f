using System.Net;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>
/// 免于鉴定 (granted and refused), 暂缓结项 with resubmission into a new round, and submission on the one commit path,
/// each through the pages as the people involved use them. Each test registers its own project (BZ25YB93x).
/// </summary>
public class ExemptionAndDeferralTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Award = "成果获省部级二等奖及以上奖励";
    private const string AwardDetail = "四川省第二十次社会科学优秀成果二等奖（2025年）";

    [Fact]
    public async Task An_exemption_granted_at_intake_skips_the_experts_and_the_printed_form_says_so()
    {
        const string code = "BZ25YB931";
        await ReadyDraftAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");

        // Bad input: no ground chosen. Nothing is saved and what was typed stays on the page.
        var page = await researcher.GetAsync($"/applications/{code}/edit/exemption");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var incomplete = await researcher.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Requested"] = "true", ["Input.Description"] = AwardDetail,
        });
        Assert.Equal(HttpStatusCode.OK, incomplete.Status);
        Assert.Contains("请选择申请免于鉴定的依据。", incomplete.Text);
        Assert.Contains(AwardDetail, incomplete.Html);
        Assert.False((await LoadAsync(portal, code)).ExemptionRequested);

        var saved = await researcher.SubmitAsync(incomplete, new Dictionary<string, string> { ["Input.Ground"] = Award });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        // The request needs its evidence: 检查并提交 says so and links to 附件; the file uploaded, it can go.
        var check = await researcher.GetAsync($"/applications/{code}/submit");
        Assert.Contains(SubmitApplication.ExemptionEvidenceMissing, check.Text);
        Assert.Contains($"/applications/{code}/edit/attachments", check.Links);
        await AttachmentTests.UploadOkAsync(researcher, code, AttachmentKind.ExemptionEvidence, false, "获奖证书.pdf", AttachmentTests.Pdf("award"));
        await SubmitThroughThePageAsync(researcher, code);
        await ToIntakeAsync(portal, code);

        // The federation's intake: no expert assignment while the request is open, a page of its own instead.
        var admin = await SignInAsync(portal, "admin");
        Assert.Contains("审核免于鉴定申请", (await admin.GetAsync("/")).Text);
        var act = await OpenAsync(admin, code);
        Assert.Null(act.Document.QuerySelector("form[data-form=assign]"));
        Assert.Contains(AwardDetail, act.Text);
        Assert.Contains($"/Review/Exemption/{code}", act.Links);

        var decide = await admin.GetAsync($"/Review/Exemption/{code}");
        Assert.Equal(HttpStatusCode.OK, decide.Status);
        var granted = await PostFormAsync(admin, decide, "exemption", new Dictionary<string, string>
        {
            ["Input.Grant"] = "true", ["Input.Grade"] = "Good",
        });
        Assert.Equal(HttpStatusCode.Redirect, granted.Status);
        var application = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.FederationReview, application.Status);
        Assert.Equal(ExemptionDecision.Granted, application.ExemptionDecision);
        Assert.Empty(application.ExpertAssignments);
        var exemption = Assert.Single(application.Opinions, o => o.Stage == ReviewStage.Exemption);
        Assert.Equal(AppraisalGrade.Good, exemption.Grade);

        // 五 as on the normal path: the certificate number is issued on conclusion.
        await ActOkAsync(admin, code, "decide", new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });
        application = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.Concluded, application.Status);
        Assert.StartsWith("巴社科结〔", application.CertificateNumber);

        var pdf = await researcher.Client.GetByteArrayAsync($"/applications/{code}/print/a4.pdf");
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "bazhou-exemption-a4.pdf"), pdf);
        var form = PdfText(pdf);
        var four = form[form.IndexOf("四、专家鉴定意见", StringComparison.Ordinal)..form.IndexOf("五、市社科联审核意见", StringComparison.Ordinal)];
        Assert.Contains($"申请免于鉴定（{Award}），经市社科联审核同意免于鉴定（鉴定等级：良好）。", four);
        Assert.Contains(exemption.VerificationCode, four);
        Assert.DoesNotContain("主审专家签字", four);
        // Only the grade is asked of an exempted 四, so its line is not numbered as the experts' third item.
        Assert.Contains("鉴定等级：优秀", four.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("3.鉴定等级", four);
        Assert.Contains(application.CertificateNumber!, form);

        // The certificate says how the project was closed, with the grade the federation set.
        var certificate = PdfText(await researcher.Client.GetByteArrayAsync($"/applications/{code}/certificate.pdf"));
        Assert.Contains("经审核免于鉴定，鉴定等级为“良好”，准予结项。", certificate);
        Assert.Contains("鉴定等级良好（免于鉴定）", certificate);
        Assert.DoesNotContain("经专家鉴定", certificate);

        // The leader was told of the exemption (站内通知).
        Assert.Contains($"结项申请 {code} 已同意免于鉴定", (await researcher.GetAsync("/Notices")).Text);

        // The grade set at exemption is the project's grade in the federation's lists.
        var programme = await admin.GetAsync($"/Programme?q={code}");
        Assert.Contains("良好", programme.Text);
    }

    [Fact]
    public async Task A_refused_exemption_goes_to_the_experts_who_see_nothing_of_the_request_and_concludes_as_usual()
    {
        const string code = "BZ25YB932";
        var researcher = await RequestExemptionToIntakeAsync(code);

        var admin = await SignInAsync(portal, "admin");
        var decide = await admin.GetAsync($"/Review/Exemption/{code}");
        var noReason = await PostFormAsync(admin, decide, "exemption", new Dictionary<string, string> { ["Input.Grant"] = "false" });
        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains("不同意免于鉴定须填写理由。", noReason.Text);
        var refused = await PostFormAsync(admin, noReason, "exemption", new Dictionary<string, string>
        {
            ["Input.Grant"] = "false", ["Input.Opinion"] = "获奖等级不符合免于鉴定条件。",
        });
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        var application = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.FederationIntake, application.Status);
        Assert.Equal(("RefuseExemption", "获奖等级不符合免于鉴定条件。"), (application.History[^1].Action, application.History[^1].Note));
        // Answered: the exemption page is closed, expert assignment open.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/Review/Exemption/{code}")).Status);
        await ActOkAsync(admin, code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1"));

        // Blind review: the ground and its description may identify the applicant; the expert sees neither.
        var expert = await SignInAsync(portal, "expert.1");
        var expertPage = await OpenAsync(expert, code);
        Assert.Equal(HttpStatusCode.OK, expertPage.Status);
        Assert.DoesNotContain(AwardDetail, expertPage.Html);
        Assert.DoesNotContain(Award, expertPage.Html);
        Assert.DoesNotContain("获奖等级不符合", expertPage.Html);
        var expertPdf = PdfText(await expert.Client.GetByteArrayAsync($"/applications/{code}/print/a4.pdf"));
        Assert.DoesNotContain("免于鉴定", expertPdf);

        await ActOkAsync(expert, code, "appraise", Opinion(grade: "Excellent"));
        await ActOkAsync(expert, code, "combine", Opinion(grade: "Excellent", text: "成果质量优秀。"));
        await ActOkAsync(admin, code, "decide", new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "同意结项。" });
        Assert.Equal(ApplicationStatus.Concluded, (await LoadAsync(portal, code)).Status);

        var form = PdfText(await researcher.Client.GetByteArrayAsync($"/applications/{code}/print/a4.pdf"));
        var four = form[form.IndexOf("四、专家鉴定意见", StringComparison.Ordinal)..form.IndexOf("五、市社科联审核意见", StringComparison.Ordinal)];
        Assert.DoesNotContain("同意免于鉴定", four);
        Assert.Contains("成果质量优秀。", four);
        Assert.Contains("主审专家签字", four);
        // The researcher reads the refusal in the history.
        Assert.Contains("获奖等级不符合免于鉴定条件。", (await researcher.GetAsync($"/applications/{code}")).Text);
    }

    [Fact]
    public async Task A_deferral_waits_on_the_researcher_until_a_date_and_the_resubmission_starts_a_new_round()
    {
        const string code = "BZ25YB933";
        await ReadyDraftAsync(code);
        await SubmitAsync(portal, code);
        await ToIntakeAsync(portal, code);
        var admin = await SignInAsync(portal, "admin");
        await ActOkAsync(admin, code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1"));
        var expert = await SignInAsync(portal, "expert.1");
        await ActOkAsync(expert, code, "appraise", Opinion(grade: "Pass"));
        await ActOkAsync(expert, code, "combine", Opinion(grade: "Pass"));

        var act = await OpenAsync(admin, code);
        Assert.Contains($"/Review/Defer/{code}", act.Links);
        var defer = await admin.GetAsync($"/Review/Defer/{code}");
        Assert.Equal("30", defer.Document.QuerySelector("#defer-days")!.GetAttribute("value"));
        const string reason = "调研样本不足，请补充巴州区三个乡镇的调研数据后重新提交。";
        var tooLong = await PostFormAsync(admin, defer, "defer", new Dictionary<string, string> { ["Input.Reason"] = reason, ["Input.Days"] = "400" });
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("修改期限须在 1 至 180 天之间。", tooLong.Text);
        Assert.Contains(reason, tooLong.Html);
        Assert.Equal(ApplicationStatus.FederationReview, (await LoadAsync(portal, code)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, tooLong, "defer", new Dictionary<string, string> { ["Input.Days"] = "30" })).Status);
        var deferred = await LoadAsync(portal, code);
        var due = ChinaTime.Today(TimeProvider.System).AddDays(30);
        Assert.Equal(ApplicationStatus.Deferred, deferred.Status);
        Assert.Equal(due, deferred.DeferredUntil);
        Assert.Equal("Defer", deferred.History[^1].Action);

        // The researcher's 待办: revise by the date, with the federation's reason; the application says 暂缓结项.
        var researcher = await SignInAsync(portal, "yangzhuo");
        var home = await researcher.GetAsync("/");
        Assert.Contains($"按暂缓结项意见修改后重新提交（{due:yyyy年M月d日}前）", home.Text);
        Assert.Contains("暂缓结项意见：" + reason, home.Text);
        Assert.Contains($"请于 {due:yyyy年M月d日} 前按意见修改后重新提交", (await researcher.GetAsync("/Notices")).Text);
        var details = await researcher.GetAsync($"/applications/{code}");
        Assert.Contains("暂缓结项", details.Document.QuerySelector(".status-badge")!.TextContent);
        Assert.Contains(reason, details.Document.QuerySelector("#return-reason")!.TextContent);
        Assert.DoesNotContain(code, (await expert.GetAsync("/")).Text);

        // The material the deferral asks for is added while deferred: the attachments page offers the form and the
        // upload is stored (one rule for both), and it goes with the new round.
        var attachments = await researcher.GetAsync($"/applications/{code}/edit/attachments");
        Assert.NotNull(attachments.Document.QuerySelector("form[enctype='multipart/form-data']"));
        await AttachmentTests.UploadOkAsync(researcher, code, AttachmentKind.Other, blindSafe: false, "补充调研数据.pdf", Tests.Shared.PdfFiles.Page("Survey"));
        Assert.Contains("补充调研数据.pdf", (await LoadAsync(portal, code)).Attachments.Select(a => a.FileName));

        // Revise and resubmit through the pages: a new round, back through the unit (and county).
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync($"/applications/{code}/edit/report")).Status);
        await SubmitThroughThePageAsync(researcher, code);
        Assert.Contains("补充调研数据.pdf", (await (await SignInAsync(portal, "unit.bzdx")).GetAsync($"/Review/Act/{code}")).Text);
        var resubmitted = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.UnitReview, resubmitted.Status);
        Assert.Equal(2, resubmitted.Round);
        Assert.Null(resubmitted.DeferredUntil);
        Assert.Equal([1, 2], resubmitted.Revisions.Select(r => r.Round).Order());
        var history = await researcher.GetAsync($"/Review/History/{code}");
        Assert.Contains("暂缓结项", history.Text);
        Assert.Contains(reason, history.Text);
    }

    [Fact]
    public async Task Submission_runs_the_commit_path_a_non_leader_gets_403_and_a_stale_page_the_conflict()
    {
        const string code = "BZ25YB934";
        await ReadyDraftAsync(code);
        await SubmitAsync(portal, code);
        var unit = await SignInAsync(portal, "unit.bzdx");
        await ActOkAsync(unit, code, "return", new Dictionary<string, string> { ["Input.Reason"] = "请补充参与人员信息。" });
        var returned = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.Returned, returned.Status);

        // The unit reviewer may read the returned application but not submit it, even with the current stamp.
        var details = await unit.GetAsync($"/applications/{code}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        var forged = await unit.PostPageWithOwnTokenAsync($"/applications/{code}/submit",
            new Dictionary<string, string> { ["ConcurrencyStamp"] = returned.ConcurrencyStamp.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Equal(ApplicationStatus.Returned, (await LoadAsync(portal, code)).Status);

        // The leader's page goes stale when the application is saved elsewhere: the conflict, nothing submitted.
        var researcher = await SignInAsync(portal, "yangzhuo");
        var submitPage = await researcher.GetAsync($"/applications/{code}/submit");
        Assert.Null(submitPage.Document.QuerySelector("#problems"));
        var cover = await researcher.GetAsync($"/applications/{code}/edit/cover");
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync(cover, new Dictionary<string, string>())).Status);
        var stale = await researcher.SubmitAsync(submitPage, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("提交失败：申请书在您打开此页后又被修改过", stale.Text);
        Assert.Equal(ApplicationStatus.Returned, (await LoadAsync(portal, code)).Status);

        // The fresh page submits; the history line names the leader.
        await SubmitThroughThePageAsync(researcher, code);
        var submitted = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.UnitReview, submitted.Status);
        Assert.Equal(await UserIdAsync(portal, "yangzhuo"), submitted.History[^1].ActorUserId);
    }

    /// <summary>A complete draft of yangzhuo's at the Bazhou party school (the reference application's content).</summary>
    private Task ReadyDraftAsync(string code) =>
        portal.WithDbAsync(async db => { await ReadyDrafts.AddAsync(db, [code]); return 0; });

    [Fact]
    public async Task An_exemption_granted_without_a_grade_certifies_with_its_own_wording_and_verify_states_it()
    {
        const string code = "BZ25YB935";
        var researcher = await RequestExemptionToIntakeAsync(code);
        var admin = await SignInAsync(portal, "admin");
        var decide = await admin.GetAsync($"/Review/Exemption/{code}");
        // No grade is preselected: granting asks for one (or 免鉴) and keeps what was chosen and typed.
        Assert.Empty(decide.Document.QuerySelectorAll("input[name='Input.Grade'][checked]"));
        var unchosen = await PostFormAsync(admin, decide, "exemption", new Dictionary<string, string>
        {
            ["Input.Grant"] = "true", ["Input.Grade"] = "", ["Input.Opinion"] = "获奖证书属实。",
        });
        Assert.Equal(HttpStatusCode.OK, unchosen.Status);
        Assert.Contains(DecideExemption.GradeMissingMessage, unchosen.Text);
        Assert.Contains("获奖证书属实。", unchosen.Document.QuerySelector("#exemption-opinion")!.TextContent);
        Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, code)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, unchosen, "exemption", new Dictionary<string, string>
        {
            ["Input.Grant"] = "true", ["Input.Grade"] = "Exempt",
        })).Status);
        await ActOkAsync(admin, code, "decide", new Dictionary<string, string> { ["Input.Approve"] = "true", ["Input.Opinion"] = "" });

        var form = PdfText(await researcher.Client.GetByteArrayAsync($"/applications/{code}/print/a4.pdf"));
        var four = form[form.IndexOf("四、专家鉴定意见", StringComparison.Ordinal)..form.IndexOf("五、市社科联审核意见", StringComparison.Ordinal)];
        Assert.Contains("经市社科联审核同意免于鉴定（鉴定等级：免鉴）。", four);

        var certificate = PdfText(await researcher.Client.GetByteArrayAsync($"/applications/{code}/certificate.pdf"));
        Assert.Contains("经审核免于鉴定，准予结项。", certificate);
        Assert.Contains("鉴定等级免鉴", certificate);
        Assert.DoesNotContain("经专家鉴定", certificate);
        Assert.DoesNotContain("—", certificate);

        var application = await LoadAsync(portal, code);
        var verify = await new Browser(portal.CreateBrowser()).GetAsync($"/verify?q={Uri.EscapeDataString(application.CertificateNumber!)}");
        Assert.Equal("免鉴（免于鉴定）", verify.Document.QuerySelector("[data-testid=certificate-grade]")!.TextContent.Trim());
    }

    /// <summary>A ready draft asks for 免于鉴定 with its evidence, is submitted and signed to the federation's intake.</summary>
    private async Task<Browser> RequestExemptionToIntakeAsync(string code)
    {
        await ReadyDraftAsync(code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var page = await researcher.GetAsync($"/applications/{code}/edit/exemption");
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Requested"] = "true", ["Input.Ground"] = Award, ["Input.Description"] = AwardDetail,
        })).Status);
        await AttachmentTests.UploadOkAsync(researcher, code, AttachmentKind.ExemptionEvidence, false, "获奖证书.pdf", AttachmentTests.Pdf("award"));
        await SubmitThroughThePageAsync(researcher, code);
        await ToIntakeAsync(portal, code);
        return researcher;
    }
}
