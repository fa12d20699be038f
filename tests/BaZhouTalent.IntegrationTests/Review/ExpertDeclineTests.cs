using System.Net;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static BaZhouTalent.IntegrationTests.Review.ReviewKit;

namespace BaZhouTalent.IntegrationTests.Review;

/// <summary>
/// 谢绝鉴定 through its real page: the application returns to intake, the federation is told once, the expert is gone
/// from it and never offered again (single or batch), the others' appraisals stay and a replacement joins the round;
/// the researcher's side reads that an expert declined, never who or why.
/// </summary>
public class ExpertDeclineTests(ExpertDeclineTests.Portal portal) : IClassFixture<ExpertDeclineTests.Portal>
{
    public sealed class Portal : PortalFactory;

    private const string Reason = "本人与该成果的合作单位有项目往来，申请回避。";

    [Fact]
    public async Task A_decline_returns_the_application_to_intake_notifies_the_federation_once_and_the_expert_is_never_proposed_again()
    {
        const string code = "BZ25YB861";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        await ToIntakeAsync(portal, code);
        await ActOkAsync(await SignInAsync(portal, "admin"), code, "assign", await ExpertsAsync(portal, "expert.1", "expert.1", "expert.2"));
        await ActOkAsync(await SignInAsync(portal, "expert.1"), code, "appraise", Opinion(text: "成果扎实。", grade: "Good"));

        var expert = await SignInAsync(portal, "expert.2");
        var act = await OpenAsync(expert, code);
        Assert.NotNull(act.Document.QuerySelector($"a[href='/Review/Decline/{code}']"));
        var form = await expert.GetAsync($"/Review/Decline/{code}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        // Blind: the expert's page names neither the leader nor the unit.
        Assert.DoesNotContain("杨卓", form.Text);
        Assert.DoesNotContain(PartySchoolBazhou, form.Text);

        // Without a kind or a reason: the Chinese messages, the typed reason kept.
        var invalid = await expert.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = Reason }, "form[data-form=decline]");
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("请选择谢绝鉴定的原因", invalid.Text);
        Assert.Contains(Reason, invalid.Text);

        var declined = await expert.SubmitAsync(invalid, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(DeclineKind.ConflictOfInterest), ["Input.Reason"] = Reason,
        }, "form[data-form=decline]");
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);

        var application = await LoadAsync(portal, code);
        var e2 = await UserIdAsync(portal, "expert.2");
        Assert.Equal(ApplicationStatus.FederationIntake, application.Status);
        Assert.DoesNotContain(application.ExpertAssignments, e => e.ExpertUserId == e2);
        Assert.Single(application.ExpertAssignments, e => e.Round == application.Round);
        Assert.Single(application.Opinions, o => o.Stage == ReviewStage.Expert); // expert.1's appraisal stays
        // The expert no longer reaches it, nor finds it in 待办.
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(expert, code)).Status);
        Assert.DoesNotContain(code, (await expert.GetAsync("/")).Text);

        // The federation is told once; nobody else is.
        var notices = await portal.WithDbAsync(db => db.Notices.AsNoTracking().Where(n => n.Title.Contains("谢绝鉴定")).ToListAsync());
        var admin = await UserIdAsync(portal, "admin");
        var notice = Assert.Single(notices, n => n.Title.Contains(code));
        Assert.Equal(admin, notice.RecipientUserId);
        Assert.Contains("回避", notice.Body);
        Assert.DoesNotContain("刘芳", notice.Body);
        Assert.Equal($"/Review/Act/{code}", notice.Link);

        // The researcher's side reads that an expert declined, without who or why.
        var researcher = await SignInAsync(portal, "yangzhuo");
        var details = await researcher.GetAsync($"/applications/{code}");
        Assert.Contains("谢绝鉴定", details.Text);
        Assert.DoesNotContain("刘芳", details.Text);
        Assert.DoesNotContain(Reason, details.Text);
        var unit = await (await SignInAsync(portal, "unit.bzdx")).GetAsync($"/applications/{code}");
        Assert.DoesNotContain("刘芳", unit.Text);
        Assert.DoesNotContain(Reason, unit.Text);

        // The federation: the decline with its reason, expert.2 apart (not offered), the stayers kept.
        var federation = await SignInAsync(portal, "admin");
        var intake = await OpenAsync(federation, code);
        Assert.Contains(Reason, intake.Document.QuerySelector("[data-testid=staying-experts]")!.TextContent);
        var offered = intake.Document.QuerySelectorAll("[data-testid=expert-suggestions] tbody tr").Select(r => r.GetAttribute("data-expert")).ToList();
        Assert.DoesNotContain(e2, offered);
        Assert.Contains("已谢绝鉴定本项目", intake.Document.QuerySelector($"[data-testid=expert-conflicts] li[data-expert='{e2}']")!.TextContent);
        var batch = await federation.GetAsync("/Review/Batch");
        var row = batch.Document.QuerySelector($"tr[data-code={code}]")!;
        Assert.DoesNotContain(e2, row.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Contains("本轮保留", row.TextContent);
        // Posted anyway, the single assignment refuses them.
        var forged = await PostFormAsync(federation, intake, "assign", new Dictionary<string, string>
        {
            ["Input.ExpertIds[0]"] = e2, ["Input.ChiefExpertId"] = await UserIdAsync(portal, "expert.1"),
        });
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("已谢绝鉴定本项目", forged.Text);

        // A replacement joins the round; the chief stays; only the newcomer is asked to appraise.
        var fresh = await OpenAsync(federation, code);
        var assigned = await PostFormAsync(federation, fresh, "assign", new Dictionary<string, string>
        {
            ["Input.ExpertIds[0]"] = await UserIdAsync(portal, "expert.3"),
        });
        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        application = await LoadAsync(portal, code);
        Assert.Equal(ApplicationStatus.ExpertReview, application.Status);
        Assert.Equal(2, application.ExpertAssignments.Count(e => e.Round == application.Round));
        Assert.Equal(await UserIdAsync(portal, "expert.1"), application.ExpertAssignments.Single(e => e.IsChief).ExpertUserId);
        var asked = await portal.WithDbAsync(db => db.Notices.AsNoTracking().Where(n => n.Title == $"结项申请 {code} 请您鉴定").Select(n => n.RecipientUserId).ToListAsync());
        // expert.1 and expert.2 were asked at first; now the replacement alone (not the stayer, not expert.2).
        var replacement = await UserIdAsync(portal, "expert.3");
        Assert.Equal(3, asked.Count);
        Assert.Single(asked, id => id == replacement);
        Assert.Single(asked, id => id == e2);
        Assert.Single(asked, id => id == application.ExpertAssignments.Single(e => e.IsChief).ExpertUserId);

        // The stayer (the chief, who appraised before the decline) has it in their list again: their assignment reopened
        // with the round.
        var stayer = await SignInAsync(portal, "expert.1");
        Assert.Contains(code, (await stayer.GetAsync("/Review/Expert")).Text);

        // The round completes with the stayer's appraisal and the newcomer's.
        await ActOkAsync(await SignInAsync(portal, "expert.3"), code, "appraise", Opinion(grade: "Good"));
        // Now the chief's combining waits in their 待办.
        Assert.Contains(code, (await stayer.GetAsync("/")).Text);
        await ActOkAsync(stayer, code, "combine", Opinion(grade: "Good"));
        Assert.Equal(ApplicationStatus.FederationReview, (await LoadAsync(portal, code)).Status);
    }

    [Fact]
    public async Task When_the_chief_declines_the_replacement_needs_a_chief_named()
    {
        const string code = "BZ25YB862";
        await RegisterProjectAsync(portal, code, PartySchoolBazhou);
        await SubmitAsync(portal, code);
        await ToExpertReviewAsync(portal, code);
        var chief = await SignInAsync(portal, "expert.1");
        var form = await chief.GetAsync($"/Review/Decline/{code}");
        Assert.Equal(HttpStatusCode.Redirect, (await chief.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(DeclineKind.CannotMeetDeadline), ["Input.Reason"] = "近期出国访学，无法按期完成。",
        }, "form[data-form=decline]")).Status);

        var federation = await SignInAsync(portal, "admin");
        var intake = await OpenAsync(federation, code);
        Assert.Contains("无法按期", intake.Text);
        var e3 = await UserIdAsync(portal, "expert.3");
        // Staying expert.3 named chief, no newcomer marked chief: accepted; expert.1 never offered.
        Assert.DoesNotContain(await UserIdAsync(portal, "expert.1"),
            intake.Document.QuerySelectorAll("[data-testid=expert-suggestions] tbody tr").Select(r => r.GetAttribute("data-expert")));
        await BatchAssignmentTests.AddExpertAsync(federation, "ex.replacement2", "替补专家二", "西华师范大学");
        var answer = await PostFormAsync(federation, intake, "assign", new Dictionary<string, string>
        {
            ["Input.ExpertIds[0]"] = await UserIdAsync(portal, "ex.replacement2"), ["Input.ChiefExpertId"] = e3,
        });
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        var application = await LoadAsync(portal, code);
        Assert.Equal(e3, application.ExpertAssignments.Single(e => e.Round == application.Round && e.IsChief).ExpertUserId);
    }
}
