using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Projects;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.UnitTests.Workflow;

namespace BaZhouTalent.UnitTests.Projects;

/// <summary>
/// The request machine as one table: for every state × trigger × person, may that person fire it? A cell is allowed
/// only when the declared party rule lets the person act AND the machine permits the trigger; every cell not listed
/// in <see cref="Allowed"/> must be refused by one of the two.
/// </summary>
public class ProjectRequestTableTests
{
    private const int UnitId = 7;
    private const string LeaderId = "leader";

    private static readonly Dictionary<string, RequestActor> People = new()
    {
        ["leader"] = new(LeaderId, "杨卓", null, Researcher: true, UnitReviewer: false, Federation: false),
        ["otherResearcher"] = new("other", "王五", null, Researcher: true, UnitReviewer: false, Federation: false),
        ["unitReviewer"] = new("unit", "李明", UnitId, Researcher: false, UnitReviewer: true, Federation: false),
        ["otherUnitReviewer"] = new("unit2", "赵六", UnitId + 1, Researcher: false, UnitReviewer: true, Federation: false),
        ["county"] = new("county", "赵静", null, Researcher: false, UnitReviewer: false, Federation: false),
        ["expert"] = new("expert", "张立新", null, Researcher: false, UnitReviewer: false, Federation: false),
        ["federation"] = new("fed", "王建华", null, Researcher: false, UnitReviewer: false, Federation: true),
    };

    private static readonly HashSet<(ProjectRequestStatus State, ProjectRequestTrigger Trigger, string Person)> Allowed =
    [
        (ProjectRequestStatus.Requested, ProjectRequestTrigger.Withdraw, "leader"),
        (ProjectRequestStatus.Requested, ProjectRequestTrigger.UnitAgree, "unitReviewer"),
        (ProjectRequestStatus.Requested, ProjectRequestTrigger.UnitRefuse, "unitReviewer"),
        (ProjectRequestStatus.UnitAgreed, ProjectRequestTrigger.Approve, "federation"),
        (ProjectRequestStatus.UnitAgreed, ProjectRequestTrigger.Refuse, "federation"),
    ];

    public static TheoryData<ProjectRequestStatus, ProjectRequestTrigger, string> Cells()
    {
        var data = new TheoryData<ProjectRequestStatus, ProjectRequestTrigger, string>();
        foreach (var state in Enum.GetValues<ProjectRequestStatus>())
            foreach (var trigger in Enum.GetValues<ProjectRequestTrigger>())
                foreach (var person in People.Keys)
                    data.Add(state, trigger, person);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_is_allowed_exactly_when_the_table_says(ProjectRequestStatus state, ProjectRequestTrigger trigger, string person)
    {
        var request = RequestIn(state);
        var action = ProjectRequestActions.Of(trigger);
        var actor = People[person];

        var allowed = ProjectRequestActions.MayFire(action, actor, request.RequestedByUserId, UnitId)
            && Fires(request, action, actor);

        Assert.Equal(Allowed.Contains((state, trigger, person)), allowed);
        Assert.Equal(allowed, ProjectRequestActions.Available(RequestIn(state), actor, UnitId).Contains(action));
    }

    [Theory]
    [InlineData(ProjectRequestTrigger.UnitRefuse)]
    [InlineData(ProjectRequestTrigger.Refuse)]
    public void A_refusal_needs_an_opinion(ProjectRequestTrigger trigger)
    {
        var request = RequestIn(trigger == ProjectRequestTrigger.Refuse ? ProjectRequestStatus.UnitAgreed : ProjectRequestStatus.Requested);
        var before = request.Status;

        var refused = Assert.Throws<ReviewRuleException>(() => request.Apply(ProjectRequestActions.Of(trigger), "某人", "  ", DateTimeOffset.UnixEpoch));

        Assert.Contains("须填写意见", refused.Message);
        Assert.Equal(before, request.Status);
    }

    [Fact]
    public void Decisions_are_recorded_on_the_request_and_close_it()
    {
        var request = RequestIn(ProjectRequestStatus.Requested);
        var at = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

        request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.UnitAgree), "李明", "", at);
        Assert.True(request.IsOpen);
        request.Apply(ProjectRequestActions.Of(ProjectRequestTrigger.Refuse), "王建华", "理由不充分。", at.AddDays(1));

        Assert.Equal(ProjectRequestStatus.Refused, request.Status);
        Assert.Equal(("李明", at), (request.UnitDecidedByName, request.UnitDecidedAt!.Value));
        Assert.Equal(("王建华", "理由不充分。"), (request.FederationDecidedByName, request.FederationOpinion));
        Assert.Equal(at.AddDays(1), request.ClosedAt);
        Assert.False(request.IsOpen);
    }

    [Fact]
    public void The_diagram_has_every_declared_transition()
    {
        var mermaid = ProjectRequestWorkflow.ToMermaid();
        foreach (var action in ProjectRequestActions.All)
            foreach (var from in action.From)
                Assert.Contains($"{from} --> {action.To} : {action.Trigger}", mermaid);
    }

    /// <summary>Set BAZHOU_UPDATE_WORKFLOW_DOC=1 to rewrite the request diagram in docs/workflow.md from the machine.</summary>
    [Fact]
    public void Docs_workflow_request_diagram_matches_the_machine()
    {
        const string heading = "## Requests on a project";
        var path = Path.Combine(WorkflowFixture.RepositoryRoot(), "docs", "workflow.md");
        var expected = ProjectRequestWorkflow.ToMermaid().Trim();
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var bodyStart = text.IndexOf("```mermaid", text.IndexOf(heading, StringComparison.Ordinal), StringComparison.Ordinal) + "```mermaid".Length;
        var stop = text.IndexOf("\n```", bodyStart, StringComparison.Ordinal);
        var actual = text[bodyStart..stop].Trim();
        if (actual != expected && Environment.GetEnvironmentVariable("BAZHOU_UPDATE_WORKFLOW_DOC") == "1")
        {
            File.WriteAllText(path, text[..bodyStart] + "\n" + expected + text[stop..]);
            return;
        }
        Assert.True(actual == expected, "docs/workflow.md's request diagram drifted; rerun with BAZHOU_UPDATE_WORKFLOW_DOC=1.\n" + expected);
    }

    private static bool Fires(ProjectRequest request, ProjectRequestAction action, RequestActor actor)
    {
        try
        {
            request.Apply(action, actor.Name, "意见。", DateTimeOffset.UnixEpoch);
            return request.Status == action.To;
        }
        catch (ReviewRuleException)
        {
            return false;
        }
    }

    /// <summary>A request brought to <paramref name="state"/> the way the portal does: by its own actions.</summary>
    private static ProjectRequest RequestIn(ProjectRequestStatus state)
    {
        var request = new ProjectRequest { RequestedByUserId = LeaderId, Reason = "资料收集未完成。" };
        void Do(ProjectRequestTrigger trigger) => request.Apply(ProjectRequestActions.Of(trigger), "某人", "意见。", DateTimeOffset.UnixEpoch);
        switch (state)
        {
            case ProjectRequestStatus.UnitAgreed: Do(ProjectRequestTrigger.UnitAgree); break;
            case ProjectRequestStatus.Approved: Do(ProjectRequestTrigger.UnitAgree); Do(ProjectRequestTrigger.Approve); break;
            case ProjectRequestStatus.Refused: Do(ProjectRequestTrigger.UnitRefuse); break;
            case ProjectRequestStatus.Withdrawn: Do(ProjectRequestTrigger.Withdraw); break;
        }
        Assert.Equal(state, request.Status);
        return request;
    }
}
