using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using static BaZhouTalent.UnitTests.Workflow.WorkflowFixture;

namespace BaZhouTalent.UnitTests.Workflow;

/// <summary>
/// The whole workflow as one table: for every state × trigger × person, may that person fire it?
/// A cell is allowed only when the authorization handler lets the person ask AND the intent method
/// succeeds; every cell not listed in <see cref="Allowed"/> must be refused by one of the two.
/// </summary>
public class WorkflowTableTests
{
    private static readonly WorkflowState[] States =
    [
        new(ApplicationStatus.Draft),
        new(ApplicationStatus.UnitReview),
        new(ApplicationStatus.CountyReview),
        new(ApplicationStatus.FederationIntake),
        new(ApplicationStatus.ExpertReview),
        new(ApplicationStatus.ExpertReview, AllAppraised: true),
        new(ApplicationStatus.FederationReview),
        new(ApplicationStatus.Concluded),
        new(ApplicationStatus.Rejected),
        new(ApplicationStatus.Returned),
    ];

    // The allowed cells: state, trigger, person. Everything else is refused.
    private static readonly HashSet<(string State, ReviewTrigger Trigger, string Person)> Allowed =
    [
        ("Draft", ReviewTrigger.Submit, "leader"),
        ("UnitReview", ReviewTrigger.Withdraw, "leader"),
        ("UnitReview", ReviewTrigger.ApproveByUnit, "unitReviewer"),
        ("UnitReview", ReviewTrigger.Return, "unitReviewer"),
        ("CountyReview", ReviewTrigger.ApproveByCounty, "county"),
        ("CountyReview", ReviewTrigger.Return, "county"),
        ("FederationIntake", ReviewTrigger.AssignExperts, "federation"),
        ("FederationIntake", ReviewTrigger.Return, "federation"),
        ("ExpertReview", ReviewTrigger.Appraise, "chiefExpert"),
        ("ExpertReview", ReviewTrigger.Appraise, "expert"),
        ("ExpertReview", ReviewTrigger.Return, "chiefExpert"),
        ("ExpertReview(all appraised)", ReviewTrigger.CompleteAppraisal, "chiefExpert"),
        ("ExpertReview(all appraised)", ReviewTrigger.Return, "chiefExpert"),
        ("FederationReview", ReviewTrigger.Conclude, "federation"),
        ("FederationReview", ReviewTrigger.Reject, "federation"),
        ("FederationReview", ReviewTrigger.Return, "federation"),
        ("Returned", ReviewTrigger.Submit, "leader"),
    ];

    public static TheoryData<WorkflowState, ReviewTrigger, string, bool> Table()
    {
        var data = new TheoryData<WorkflowState, ReviewTrigger, string, bool>();
        foreach (var state in States)
            foreach (var trigger in Enum.GetValues<ReviewTrigger>())
                foreach (var person in People.Keys)
                    data.Add(state, trigger, person, Allowed.Contains((state.ToString(), trigger, person)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_state_trigger_and_person_is_allowed_or_refused(WorkflowState state, ReviewTrigger trigger, string person, bool allowed)
    {
        var application = In(state);
        var user = People[person];

        var authorized = ApplicationAuthorizationHandler.IsAllowed(user, ApplicationOperations.For(trigger), application);
        var legal = application.CanFire(trigger);
        Assert.Equal(allowed, authorized && legal);

        // The server side: an authorized person firing an illegal trigger is refused by the intent method too.
        if (authorized)
        {
            var fired = TryFire(application, trigger, user.Identity!.Name!);
            Assert.Equal(allowed, fired);
        }
    }

    [Fact]
    public void A_unit_approval_goes_to_the_county_for_a_county_unit()
    {
        var application = In(new WorkflowState(ApplicationStatus.UnitReview));
        application.ApproveByUnit(Actor("u-unit"), new OpinionInput(false, true, null, "同意。"), Now);
        Assert.Equal(ApplicationStatus.CountyReview, application.Status);
    }

    [Fact]
    public void A_city_level_unit_skips_the_county_step()
    {
        var application = In(new WorkflowState(ApplicationStatus.UnitReview), cityLevel: true);
        Assert.False(application.CanFire(ReviewTrigger.ApproveByCounty));
        application.ApproveByUnit(Actor("u-unit"), new OpinionInput(false, true, null, "同意。"), Now);
        Assert.Equal(ApplicationStatus.FederationIntake, application.Status);
    }

    [Fact]
    public void Every_move_stamps_since_when_the_application_waits_where_it_is()
    {
        var application = In(new WorkflowState(ApplicationStatus.UnitReview));
        application.ApproveByUnit(Actor("u-unit"), new OpinionInput(false, true, null, "同意。"), Now);
        Assert.Equal(Now, application.StatusSince);
        Assert.Equal(application.History[^1].At, application.StatusSince);

        application.Return(Actor("u-county"), "请补充材料。", Now.AddDays(3));
        Assert.Equal(Now.AddDays(3), application.StatusSince);
    }

    [Fact]
    public void A_resubmission_after_a_return_starts_the_next_round_with_its_own_revision()
    {
        var application = In(new WorkflowState(ApplicationStatus.Returned));
        application.ReportText = "修改后的报告。";
        application.Submit(Actor("u-leader"), Now.AddDays(1));

        Assert.Equal(ApplicationStatus.UnitReview, application.Status);
        Assert.Equal(2, application.Round);
        Assert.Equal([1, 2], application.Revisions.Select(r => r.Round));
        Assert.NotEqual(application.Revisions[0].Fingerprint, application.Revisions[1].Fingerprint);
    }

    [Fact]
    public void A_withdrawal_returns_to_draft_and_the_next_submission_is_a_new_round()
    {
        var application = In(new WorkflowState(ApplicationStatus.UnitReview));
        application.Withdraw(Actor("u-leader"), Now);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        application.Submit(Actor("u-leader"), Now);
        Assert.Equal(2, application.Round);
    }

    [Fact]
    public void Every_transition_appends_history_with_from_to_actor_round_and_note()
    {
        var application = In(new WorkflowState(ApplicationStatus.Returned));
        var entry = application.History[^1];
        Assert.Equal(nameof(ReviewTrigger.Return), entry.Action);
        Assert.Equal(ApplicationStatus.UnitReview, entry.FromStatus);
        Assert.Equal(ApplicationStatus.Returned, entry.ToStatus);
        Assert.Equal("u-unit", entry.ActorUserId);
        Assert.Equal(1, entry.Round);
        Assert.Equal("请补充。", entry.Note);
        Assert.Equal(Now, entry.At);
    }

    [Fact]
    public void An_illegal_trigger_throws_a_chinese_message()
    {
        var application = In(new WorkflowState(ApplicationStatus.Draft));
        var error = Assert.Throws<ReviewRuleException>(() => application.Conclude(Actor("u-federation"), "", "巴社科结〔2025〕001号", Now));
        Assert.Contains("不能执行", error.Message);
    }

    [Fact]
    public void Signed_sections_carry_a_fingerprint_and_a_verification_code()
    {
        var application = In(new WorkflowState(ApplicationStatus.Concluded));
        Assert.All(application.Opinions, o =>
        {
            Assert.Equal(ApplicationSnapshot.Fingerprint(application), o.ContentFingerprint);
            Assert.Equal(VerificationCodes.Length, o.VerificationCode.Length);
        });
        Assert.Equal(application.Opinions.Count, application.Opinions.Select(o => o.VerificationCode).Distinct().Count());
        Assert.Equal("巴社科结〔2025〕001号", application.CertificateNumber);
    }

    private static bool TryFire(ClosureApplication application, ReviewTrigger trigger, string userId)
    {
        var actor = Actor(userId);
        var opinion = new OpinionInput(false, true, AppraisalGrade.Good, "意见。");
        try
        {
            switch (trigger)
            {
                case ReviewTrigger.Submit: application.Submit(actor, Now); break;
                case ReviewTrigger.Withdraw: application.Withdraw(actor, Now); break;
                case ReviewTrigger.ApproveByUnit: application.ApproveByUnit(actor, opinion, Now); break;
                case ReviewTrigger.ApproveByCounty: application.ApproveByCounty(actor, opinion, Now); break;
                case ReviewTrigger.AssignExperts:
                    application.AssignExperts(actor, [new ExpertCandidate("u-chief", "张立新", OtherUnitId, "中共巴中市委党校", true)], Now);
                    break;
                case ReviewTrigger.Appraise: application.RecordAppraisal(actor, opinion, Now); break;
                case ReviewTrigger.CompleteAppraisal: application.CompleteAppraisal(actor, opinion, Now); break;
                case ReviewTrigger.Conclude: application.Conclude(actor, "同意。", "巴社科结〔2025〕009号", Now); break;
                case ReviewTrigger.Reject: application.Reject(actor, "理由。", Now); break;
                case ReviewTrigger.Return: application.Return(actor, "理由。", Now); break;
            }
            return true;
        }
        catch (ReviewRuleException)
        {
            return false;
        }
    }
}
