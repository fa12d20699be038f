using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Security;
using BaZhouTalent.IntegrationTests.Support;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>Each scenario registers its own project (BZ25YB9xx), so the scenarios share one portal without touching each other.</summary>
public class ReviewScenarioTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_city_level_applicant_skips_the_county_step()
    {
        const string code = "BZ25YB901";
        await RegisterProjectAsync(portal, code, PartySchoolCity);
        await CreateUserAsync(portal, "unit.swdx", "市委党校审核人", Roles.UnitReviewer, PartySchoolCity);
        await SubmitAsync(portal, code);

        await ActOkAsync(await SignInAsync(portal, "unit.swdx"), code, "unit", Opinion(text: "同意报送。"));

        var application = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.FederationIntake, application.Status);
        Assert.DoesNotContain(application.History, h => h.ToStatus == ApplicationStatus.CountyReview);
        var county = await SignInAsync(portal, "skl.bazhou");
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(county, code)).Status);
        var form = PdfText(await (await SignInAsync(portal, "unit.swdx")).Client.GetByteArrayAsync($"/applications/{code}/print/a4.pdf"));
        var countySection = form[form.IndexOf("三、县（区）社科联意见", StringComparison.Ordinal)..form.IndexOf("四、专家鉴定意见", StringComparison.Ordinal)];
        Assert.Contains("不适用", countySection);

        // Both experts of the applicant's own unit are refused, and the page says why.
        var admin = await SignInAsync(portal, "admin");
        var refused = await ActAsync(admin, code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1", "expert.2"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("张立新与申请人同属“中共巴中市委党校”，存在利益冲突", refused.Text);
        Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, code)).Status);
        await ActOkAsync(admin, code, "assign", await ExpertsAsync(portal, "expert.2", "expert.2"));
        Assert.Equal(ApplicationStatus.ExpertReview, (await LoadAsync(portal, code)).Status);
    }

    [Theory]
    [InlineData("BZ25YB911", "UnitReview")]
    [InlineData("BZ25YB912", "CountyReview")]
    [InlineData("BZ25YB913", "FederationIntake")]
    [InlineData("BZ25YB914", "ExpertReview")]
    [InlineData("BZ25YB915", "FederationReview")]
    public async Task A_return_at_each_stage_goes_back_to_the_researcher_and_the_resubmission_starts_a_new_round(string code, string stage)
    {
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        var returner = "unit.bzdx";
        if (stage != "UnitReview")
        {
            await ActOkAsync(await SignInAsync(portal, "unit.bzdx"), code, "unit", Opinion());
            returner = "skl.bazhou";
        }
        if (stage is "FederationIntake" or "ExpertReview" or "FederationReview")
        {
            await ActOkAsync(await SignInAsync(portal, "skl.bazhou"), code, "county",
                new Dictionary<string, string>(Opinion()) { ["Input.PersonInCharge"] = "王主任" });
            returner = "admin";
        }
        if (stage is "ExpertReview" or "FederationReview")
        {
            await ActOkAsync(await SignInAsync(portal, "admin"), code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1"));
            returner = "expert.1";
        }
        if (stage == "FederationReview")
        {
            var chief = await SignInAsync(portal, "expert.1");
            await ActOkAsync(chief, code, "appraise", Opinion(grade: "Good"));
            await ActOkAsync(chief, code, "combine", Opinion(grade: "Good"));
            returner = "admin";
        }
        Assert.Equal(stage, (await LoadAsync(portal, code)).Status.ToString());

        // A return needs a reason.
        var browser = await SignInAsync(portal, returner);
        var noReason = await ActAsync(browser, code, "return", new Dictionary<string, string> { ["Input.Reason"] = "" });
        Assert.Contains("请填写退回理由", noReason.Text);
        await ActOkAsync(browser, code, "return", new Dictionary<string, string> { ["Input.Reason"] = "请补充调研数据。" });
        var returned = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.Returned, returned.Status);
        Assert.Equal("请补充调研数据。", returned.History[^1].Note);

        // The researcher revises and resubmits: round 2 starts at the unit, and the history shows the change.
        await SubmitAsync(portal, code, a => a.ResultTitle = "修订后的成果名称");
        var resubmitted = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.UnitReview, resubmitted.Status);
        Assert.Equal(2, resubmitted.Round);
        var history = await (await SignInAsync(portal, "yangzhuo")).GetAsync($"/Review/History/{code}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.Contains("第 1 轮 → 第 2 轮", history.Text);
        Assert.Contains("修订后的成果名称", history.Text);
        Assert.Contains("请补充调研数据。", history.Text);
        // The unit reviewer now sees the reason of the last return beside the new round.
        var unitPage = await OpenAsync(await SignInAsync(portal, "unit.bzdx"), code);
        Assert.Contains("请补充调研数据。", unitPage.Text);
    }

    [Fact]
    public async Task Two_reviewers_posting_at_once_one_wins_and_the_other_gets_the_conflict_message()
    {
        const string code = "BZ25YB921";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await CreateUserAsync(portal, "unit.bzdx2", "巴州区委党校审核人二", Roles.UnitReviewer, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        var first = await SignInAsync(portal, "unit.bzdx");
        var second = await SignInAsync(portal, "unit.bzdx2");
        var firstPage = await OpenAsync(first, code);
        var secondPage = await OpenAsync(second, code);

        var results = await Task.WhenAll(
            PostFormAsync(first, firstPage, "unit", Opinion(text: "第一位审核人同意。")),
            PostFormAsync(second, secondPage, "return", new Dictionary<string, string> { ["Input.Reason"] = "第二位审核人要求退回。" }));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.Conflict, loser.Status);
        Assert.Contains(ReviewOutcome.ConflictMessage, loser.Text);
        var application = await LoadAsync(portal, code);
        Assert.Single(application.History, h => h.Action is "ApproveByUnit" or "Return");

        // A stale page posted later is refused the same way, and nothing is overwritten.
        var stale = await PostFormAsync(first, firstPage, "unit", Opinion(text: "过期页面。"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.DoesNotContain((await LoadAsync(portal, code)).Opinions, o => o.OpinionText == "过期页面。");
    }

    [Fact]
    public async Task An_expert_from_the_applicants_unit_is_refused_with_the_reason()
    {
        const string code = "BZ25YB931";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await CreateUserAsync(portal, "expert.bzdx", "赵同事", Roles.Expert, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        await ToIntakeAsync(portal, code);

        var admin = await SignInAsync(portal, "admin");
        var page = await OpenAsync(admin, code);
        Assert.Contains("赵同事与申请人同属“中共巴中市巴州区委党校”，存在利益冲突，不能担任本项目鉴定专家。", page.Text);
        var refused = await PostFormAsync(admin, page, "assign", await ExpertsAsync(portal, "expert.bzdx", "expert.bzdx", "expert.2"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("存在利益冲突", refused.Document.QuerySelector("form[data-form=assign]")!.TextContent);
        Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, code)).Status);
    }

    [Fact]
    public async Task An_expert_cannot_read_another_experts_opinion_before_the_chief_and_reviews_blind()
    {
        const string code = "BZ25YB941";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        await ToExpertReviewAsync(portal, code);

        var expert2 = await SignInAsync(portal, "expert.2");
        await ActOkAsync(expert2, code, "appraise", Opinion(text: "专家二的独立意见。", grade: "Excellent"));
        var expert3 = await SignInAsync(portal, "expert.3");
        var page3 = await OpenAsync(expert3, code);
        Assert.DoesNotContain("专家二的独立意见。", page3.Text);
        await ActOkAsync(expert3, code, "appraise", Opinion(text: "专家三的独立意见。", grade: "Good"));
        page3 = await OpenAsync(expert3, code);
        Assert.DoesNotContain("专家二的独立意见。", page3.Text);
        Assert.Contains("专家三的独立意见。", page3.Text);

        // The chief, before appraising, sees no one else's opinion either.
        var chief = await SignInAsync(portal, "expert.1");
        var chiefPage = await OpenAsync(chief, code);
        Assert.DoesNotContain("专家二的独立意见。", chiefPage.Text);
        Assert.Null(chiefPage.Document.QuerySelector("form[data-form=combine]"));
        await ActOkAsync(chief, code, "appraise", Opinion(text: "主审专家意见。", grade: "Good"));
        chiefPage = await OpenAsync(chief, code);
        Assert.Contains("专家二的独立意见。", chiefPage.Text);
        Assert.Contains("专家三的独立意见。", chiefPage.Text);
        Assert.NotNull(chiefPage.Document.QuerySelector("form[data-form=combine]"));

        // Blind review: no leader, participant or unit name on the expert's pages or list.
        foreach (var text in new[] { page3.Text, chiefPage.Text, (await expert3.GetAsync("/Review/Expert")).Text })
        {
            Assert.DoesNotContain("杨卓", text);
            Assert.DoesNotContain("李亚军", text);
            Assert.DoesNotContain(PartySchoolBazhou, text);
        }
        Assert.Contains(GetReviewPage.Hidden, page3.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert3.GetAsync($"/Review/History/{code}")).Status);
        // The federation sees the names.
        Assert.Contains("杨卓", (await OpenAsync(await SignInAsync(portal, "admin"), code)).Text);
    }

    [Fact]
    public async Task The_researcher_may_withdraw_before_the_unit_acts_but_not_after()
    {
        const string code = "BZ25YB951";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        var researcher = await SignInAsync(portal, "yangzhuo");
        var page = await researcher.GetAsync($"/Review/Withdraw/{code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var done = await researcher.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(ApplicationStatus.Draft, (await LoadAsync(portal, code)).Status);

        await SubmitAsync(portal, code);
        var stalePage = await researcher.GetAsync($"/Review/Withdraw/{code}");
        await ToIntakeAsync(portal, code);
        var late = await researcher.SubmitAsync(stalePage, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal(ApplicationStatus.FederationIntake, (await LoadAsync(portal, code)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.GetAsync($"/Review/Withdraw/{code}")).Status);
    }
}
