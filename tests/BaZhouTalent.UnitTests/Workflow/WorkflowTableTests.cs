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
        new(ApplicationStatus.FederationIntake, Exemption: true),
        new(ApplicationStatus.ExpertReview),
        new(ApplicationStatus.ExpertReview, AllAppraised: true),
        new(ApplicationStatus.FederationReview),
        new(ApplicationStatus.FederationReview, Exemption: true),
        new(ApplicationStatus.Concluded),
        new(ApplicationStatus.Concluded, Exemption: true),
        new(ApplicationStatus.Rejected),
        new(ApplicationStatus.Returned),
        new(ApplicationStatus.Deferred),
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
        ("FederationIntake(exemption)", ReviewTrigger.GrantExemption, "federation"),
        ("FederationIntake(exemption)", ReviewTrigger.RefuseExemption, "federation"),
        ("FederationIntake(exemption)", ReviewTrigger.Return, "federation"),
        ("ExpertReview", ReviewTrigger.Appraise, "chiefExpert"),
        ("ExpertReview", ReviewTrigger.Appraise, "expert"),
        ("ExpertReview", ReviewTrigger.Return, "chiefExpert"),
        ("ExpertReview", ReviewTrigger.Decline, "chiefExpert"),
        ("ExpertReview", ReviewTrigger.Decline, "expert"),
        ("ExpertReview(all appraised)", ReviewTrigger.CompleteAppraisal, "chiefExpert"),
        ("ExpertReview(all appraised)", ReviewTrigger.Return, "chiefExpert"),
        ("FederationReview", ReviewTrigger.Conclude, "federation"),
        ("FederationReview", ReviewTrigger.Reject, "federation"),
        ("FederationReview", ReviewTrigger.Return, "federation"),
        ("FederationReview", ReviewTrigger.Defer, "federation"),
        ("FederationReview(exemption)", ReviewTrigger.Conclude, "federation"),
        ("FederationReview(exemption)", ReviewTrigger.Reject, "federation"),
        ("FederationReview(exemption)", ReviewTrigger.Defer, "federation"),
        ("FederationReview(exemption)", ReviewTrigger.Return, "federation"),
        ("Returned", ReviewTrigger.Submit, "leader"),
        ("Deferred", ReviewTrigger.Submit, "leader"),
    ];

    public static TheoryData<WorkflowState, ReviewTrigger, string, bool> Table()
    {
        var data = new TheoryData<WorkflowState, ReviewTrigger, string, bool>();
        foreach (var state in States)
            foreach (var trigger in WorkflowActions.All.Select(a => a.Trigger))
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
    public void Every_trigger_is_declared_exactly_once_in_the_action_table()
    {
        Assert.Equal(Enum.GetValues<ReviewTrigger>().Order(), WorkflowActions.All.Select(a => a.Trigger).Order());
        Assert.All(WorkflowActions.All, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Name));
            Assert.StartsWith("/", a.Page);
            Assert.NotEmpty(a.Transitions);
        });
    }

    [Fact]
    public void The_machine_permits_exactly_the_arrows_of_the_action_table()
    {
        var diagram = ReviewWorkflow.ToMermaid();
        var arrows = WorkflowActions.All.SelectMany(a => a.Transitions.Select(t =>
            $"{t.From} --> {t.To ?? t.From} : {a.Trigger}" + (t.Guard is { } g ? $" [{g.Label}]" : ""))).ToList();
        Assert.All(arrows, arrow => Assert.Contains(arrow, diagram));
        Assert.Equal(arrows.Count, diagram.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Roles.MunicipalFederation, ApplicationStatus.FederationIntake, true, "审核免于鉴定申请")]
    [InlineData(Roles.MunicipalFederation, ApplicationStatus.FederationIntake, false, "受理并分配鉴定专家")]
    [InlineData(Roles.MunicipalFederation, ApplicationStatus.FederationReview, false, "市社科联审核")]
    [InlineData(Roles.UnitReviewer, ApplicationStatus.UnitReview, false, "单位审核")]
    [InlineData(Roles.CountyFederation, ApplicationStatus.CountyReview, false, "县区社科联审核")]
    [InlineData(Roles.Researcher, ApplicationStatus.Draft, false, "完善并提交结项申请")]
    [InlineData(Roles.Researcher, ApplicationStatus.Returned, false, "按退回意见修改后重新提交")]
    [InlineData(Roles.Researcher, ApplicationStatus.Deferred, false, "按暂缓结项意见修改后重新提交")]
    [InlineData(Roles.Researcher, ApplicationStatus.UnitReview, false, null)]
    [InlineData(Roles.MunicipalFederation, ApplicationStatus.Concluded, false, null)]
    public void The_queue_text_is_that_of_the_first_action_of_the_role_open_in_the_state(string role, ApplicationStatus status, bool exemptionPending, string? text)
    {
        Assert.Equal(text, WorkflowActions.QueueTextFor(role, status, new WorkflowFacts(false, false, exemptionPending)));
    }

    [Fact]
    public void The_leader_edits_a_deferred_application_and_nobody_else_does()
    {
        var application = In(new WorkflowState(ApplicationStatus.Deferred));
        foreach (var (person, user) in People)
            Assert.Equal(person == "leader", ApplicationAuthorizationHandler.IsAllowed(user, ApplicationOperations.Edit, application));
    }

    [Fact]
    public void An_exemption_granted_at_intake_skips_the_experts_and_records_the_grade()
    {
        var application = In(new WorkflowState(ApplicationStatus.FederationIntake, Exemption: true));
        Assert.False(application.CanFire(ReviewTrigger.AssignExperts));
        var signed = application.GrantExemption(Actor("u-federation"), null, "", Now);

        Assert.Equal(ApplicationStatus.FederationReview, application.Status);
        Assert.Empty(application.ExpertAssignments);
        Assert.Equal(ReviewStage.Exemption, signed.Stage);
        Assert.Null(signed.Grade);
        Assert.Equal(ExemptionDecision.Granted, application.ExemptionDecision);
        Assert.Equal("鉴定等级：免鉴", application.History[^1].Note);
    }

    [Fact]
    public void A_refused_exemption_stays_at_intake_for_expert_assignment_with_the_reason_in_history()
    {
        var application = In(new WorkflowState(ApplicationStatus.FederationIntake, Exemption: true));
        Assert.Throws<ReviewRuleException>(() => application.RefuseExemption(Actor("u-federation"), " ", Now));
        application.RefuseExemption(Actor("u-federation"), "获奖等级不符合条件。", Now);

        Assert.Equal(ApplicationStatus.FederationIntake, application.Status);
        Assert.False(application.CanFire(ReviewTrigger.GrantExemption));
        Assert.True(application.CanFire(ReviewTrigger.AssignExperts));
        Assert.Equal((nameof(ReviewTrigger.RefuseExemption), "获奖等级不符合条件。"), (application.History[^1].Action, application.History[^1].Note));
    }

    [Fact]
    public void A_deferral_sets_a_due_date_and_the_resubmission_starts_a_new_round_at_the_unit()
    {
        var application = In(new WorkflowState(ApplicationStatus.FederationReview, Exemption: true));
        var today = DateOnly.FromDateTime(Now.AddHours(8).Date);
        Assert.Throws<ReviewRuleException>(() => application.Defer(Actor("u-federation"), "请补充。", today, Now));
        application.Defer(Actor("u-federation"), "请补充调研数据。", today.AddDays(30), Now);
        Assert.Equal(ApplicationStatus.Deferred, application.Status);
        Assert.Equal(today.AddDays(30), application.DeferredUntil);

        application.Submit(Actor("u-leader"), Now.AddDays(10));
        Assert.Equal(ApplicationStatus.UnitReview, application.Status);
        Assert.Equal(2, application.Round);
        Assert.Null(application.DeferredUntil);
        // The exemption request stands, and the federation answers it again in the new round.
        Assert.True(application.ExemptionPending);
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
                case ReviewTrigger.GrantExemption: application.GrantExemption(actor, AppraisalGrade.Good, "", Now); break;
                case ReviewTrigger.RefuseExemption: application.RefuseExemption(actor, "理由。", Now); break;
                case ReviewTrigger.Decline: application.Decline(actor, DeclineKind.CannotMeetDeadline, "近期出差。", Now); break;
                case ReviewTrigger.Defer: application.Defer(actor, "理由。", DateOnly.FromDateTime(Now.Date).AddDays(30), Now); break;
                default: throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "a new trigger needs its intent method here");
            }
            return true;
        }
        catch (ReviewRuleException)
        {
            return false;
        }
    }
}
