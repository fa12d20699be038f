using System.Security.Claims;
using System.Text.RegularExpressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using static BaZhouTalent.UnitTests.Workflow.WorkflowFixture;

namespace BaZhouTalent.UnitTests.Workflow;

/// <summary>
/// The stage table (<see cref="WorkflowStages"/>) and the one visibility rule built on it: every status is declared,
/// none is compared by its order, and for every state × person (each role, related to the application or not) the
/// authorization handler, the lists' filter and the pending filters answer the same — and what the table below says.
/// </summary>
public partial class WorkflowStagesTests
{
    private static readonly WorkflowState[] States =
    [
        new(ApplicationStatus.Draft), new(ApplicationStatus.UnitReview), new(ApplicationStatus.CountyReview),
        new(ApplicationStatus.FederationIntake), new(ApplicationStatus.FederationIntake, Exemption: true),
        new(ApplicationStatus.ExpertReview), new(ApplicationStatus.ExpertReview, AllAppraised: true),
        new(ApplicationStatus.FederationReview), new(ApplicationStatus.FederationReview, Exemption: true),
        new(ApplicationStatus.Concluded), new(ApplicationStatus.Concluded, Exemption: true),
        new(ApplicationStatus.Rejected), new(ApplicationStatus.Returned), new(ApplicationStatus.Deferred),
    ];

    /// <summary>Who opens an application in each state (the leader always, nobody unrelated ever).</summary>
    private static readonly Dictionary<string, string[]> SeenBy = new()
    {
        ["leader"] = States.Select(s => s.ToString()).ToArray(),
        ["unitReviewer"] = States.Where(s => s.Status != ApplicationStatus.Draft).Select(s => s.ToString()).ToArray(),
        ["federation"] = States.Where(s => s.Status != ApplicationStatus.Draft).Select(s => s.ToString()).ToArray(),
        ["county"] =
        [
            "CountyReview", "FederationIntake", "FederationIntake(exemption)", "ExpertReview", "ExpertReview(all appraised)",
            "FederationReview", "FederationReview(exemption)", "Concluded", "Concluded(exemption)", "Rejected",
        ],
        // The exemption path never reaches the experts.
        ["chiefExpert"] = ["ExpertReview", "ExpertReview(all appraised)", "FederationReview", "Concluded", "Rejected"],
        ["expert"] = ["ExpertReview", "ExpertReview(all appraised)", "FederationReview", "Concluded", "Rejected"],
    };

    /// <summary>For whom, as which role, an application in each state waits.</summary>
    private static readonly Dictionary<(string Person, string Role), string[]> WaitsFor = new()
    {
        [("leader", Roles.Researcher)] = ["Draft", "Returned", "Deferred"],
        [("unitReviewer", Roles.UnitReviewer)] = ["UnitReview"],
        [("county", Roles.CountyFederation)] = ["CountyReview"],
        [("chiefExpert", Roles.Expert)] = ["ExpertReview", "ExpertReview(all appraised)"],
        [("expert", Roles.Expert)] = ["ExpertReview", "ExpertReview(all appraised)"],
        [("federation", Roles.MunicipalFederation)] = ["FederationIntake", "FederationIntake(exemption)", "FederationReview", "FederationReview(exemption)"],
    };

    public static TheoryData<WorkflowState, string> Matrix()
    {
        var data = new TheoryData<WorkflowState, string>();
        foreach (var state in States)
            foreach (var person in People.Keys)
                data.Add(state, person);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void The_handler_the_lists_and_the_queues_agree_on_who_sees_an_application(WorkflowState state, string person)
    {
        var application = In(state);
        var principal = People[person];
        var user = new PrincipalUser(principal);

        var opens = ApplicationAuthorizationHandler.IsAllowed(principal, ApplicationOperations.View, application);
        var listed = Visibility.Applications(user).Compile()(application);
        var listedProject = Visibility.Projects(user).Compile()(application.Project);

        Assert.Equal(SeenBy.GetValueOrDefault(person, []).Contains(state.ToString()), opens);
        Assert.Equal(opens, listed);
        foreach (var role in WorkflowStages.Roles.Select(r => r.Role))
        {
            var waits = Visibility.Pending(user, role).Compile()(application);
            Assert.Equal(WaitsFor.GetValueOrDefault((person, role), []).Contains(state.ToString()), waits);
            // Whatever waits for someone is theirs to open, and its project theirs to list (experts have none: blind review).
            Assert.True(!waits || opens, $"{role}: waits but does not open");
            var related = Visibility.ProjectsAs(user, role).Compile()(application.Project);
            Assert.True(!related || listedProject, $"{role}: related to a project not listed");
        }
        Assert.Equal(person is "leader" or "unitReviewer" or "county" or "federation", listedProject);
    }

    [Fact]
    public void Every_status_of_the_enum_is_declared_once_in_the_stage_table()
    {
        var undeclared = Enum.GetValues<ApplicationStatus>().Where(s => !WorkflowStages.IsDeclared(s)).ToList();
        Assert.True(undeclared.Count == 0, "Statuses without a row in WorkflowStages.All: " + string.Join(", ", undeclared));
        Assert.Equal(Enum.GetValues<ApplicationStatus>().Length, WorkflowStages.All.Count);
        Assert.Equal(WorkflowStages.All.Count, WorkflowStages.All.Select(s => s.Title).Distinct().Count());
    }

    [Fact]
    public void Every_stage_a_reviewer_holds_has_a_limit_a_queue_group_and_notices_on_entering()
    {
        var roles = WorkflowStages.Roles.Select(r => r.Role).ToList();
        Assert.All(WorkflowStages.All.Where(s => s.Role is not null), s => Assert.Contains(s.Role, roles));
        Assert.All(WorkflowStages.All.Where(s => s.InReview), s =>
        {
            Assert.NotNull(s.Deadline);
            Assert.NotEmpty(s.OnEnter);
            Assert.True(s.SeenBy.HasFlag(StageViewers.Federation), $"{s.Status}: in review but hidden from the federation");
        });
        // Every action's target stage says something to someone, unless the action speaks for itself.
        foreach (var action in WorkflowActions.All.Where(a => a.Notices is null))
            Assert.All(action.Transitions.Where(t => t.To is not null),
                t => Assert.NotEmpty(WorkflowStages.Of(t.To!.Value).OnEnter));
    }

    [Fact]
    public void No_status_is_compared_by_its_order_anywhere_in_the_source()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offences = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, n) => (f, n, line)))
            .Where(x => OrdinalComparison().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.n + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, "Statuses compared by their order (declare the rule in WorkflowStages instead):\n" + string.Join("\n", offences));
    }

    /// <summary>&lt;, &gt;, &lt;= or &gt;= beside an ApplicationStatus value, or a status cast to a number.</summary>
    [GeneratedRegex(@"(<=?|>=?)\s*\(?\s*ApplicationStatus\.\w+|ApplicationStatus\.\w+\s*\)?\s*(<=?|>=?)(?!>)|\(int\)\s*[\w.]*[Ss]tatus\b(?!Code)")]
    private static partial Regex OrdinalComparison();

    /// <summary>The use cases' view of a signed-in principal.</summary>
    private sealed class PrincipalUser(ClaimsPrincipal principal) : ICurrentUser
    {
        public string? UserId => principal.FindFirstValue(ClaimTypes.NameIdentifier);
        public string? UserName => principal.Identity?.Name;
        public string DisplayName => UserName ?? "";
        public string ClientAddress => "";
        public bool IsInRole(string role) => principal.IsInRole(role);
        public int? UnitId => int.TryParse(principal.FindFirstValue(AppClaimTypes.UnitId), out var n) ? n : null;
        public int? RegionId => int.TryParse(principal.FindFirstValue(AppClaimTypes.RegionId), out var n) ? n : null;
    }
}
