using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using static BaZhouTalent.UnitTests.Workflow.WorkflowFixture;

namespace BaZhouTalent.UnitTests.Workflow;

/// <summary>An open assignment carries its application's waiting and submission times (the expert's 待办 and list read their pages in those orders).</summary>
public class AwaitingSinceTests
{
    private static readonly OpinionInput Opinion = new(false, true, AppraisalGrade.Good, "同意。");

    [Fact]
    public void Each_step_with_the_experts_moves_the_open_assignments_time_with_the_applications_and_leaving_closes_them()
    {
        var a = In(new WorkflowState(ApplicationStatus.FederationIntake));
        var assigned = Now.AddDays(1);
        a.AssignExperts(Actor("u-federation"),
            [new ExpertCandidate("u-chief", "张立新", OtherUnitId, "中共巴中市委党校", true),
             new ExpertCandidate("u-expert", "刘芳", OtherUnitId, "中共平昌县委党校", false)], assigned);
        Assert.All(a.ExpertAssignments, e => Assert.Equal(assigned, e.AwaitingSince));
        // … and its submission time, by which the expert's list is sorted.
        Assert.NotNull(a.SubmittedAt);
        Assert.All(a.ExpertAssignments, e => Assert.Equal(a.SubmittedAt, e.SubmittedAt));

        var appraised = Now.AddDays(3);
        a.RecordAppraisal(Actor("u-chief"), Opinion, appraised);
        Assert.Equal(appraised, a.StatusSince);
        Assert.All(a.ExpertAssignments, e => Assert.Equal(a.StatusSince, e.AwaitingSince));

        a.RecordAppraisal(Actor("u-expert"), Opinion, Now.AddDays(4));
        var combined = Now.AddDays(5);
        a.CompleteAppraisal(Actor("u-chief"), Opinion, combined);
        Assert.Equal(ApplicationStatus.FederationReview, a.Status);
        Assert.All(a.ExpertAssignments, e => Assert.Equal(combined, e.ClosedAt));
        Assert.All(a.ExpertAssignments, e => Assert.Equal(Now.AddDays(4), e.AwaitingSince)); // as they were when closed
    }
}
