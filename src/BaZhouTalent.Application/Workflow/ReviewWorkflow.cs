using BaZhouTalent.Application.Domain;
using Stateless;
using Stateless.Graph;

namespace BaZhouTalent.Application.Workflow;

/// <summary>
/// The review chain as a Stateless machine over <see cref="ClosureApplication.Status"/> (external state
/// storage), configured from the action table <see cref="WorkflowActions"/>: which trigger is legal in which state. Intent methods on the
/// application fire it; pages ask <see cref="CanFire"/> to show only what is allowed; the diagram in
/// docs/workflow.md is rendered from it by <see cref="ToMermaid"/>.
/// </summary>
public static class ReviewWorkflow
{
    public const string CountyUnitGuard = "县（区）单位";
    public const string CityLevelUnitGuard = "市本级单位";
    public const string AllAppraisedGuard = "全部专家已鉴定";
    public const string AppraisalPendingGuard = "尚有专家未鉴定";
    public const string ExemptionPendingGuard = "申请免于鉴定";
    public const string NoExemptionPendingGuard = "未申请或不同意免于鉴定";

    /// <summary>A machine bound to <paramref name="application"/>, which must be loaded with Project.Unit.Region,
    /// ExpertAssignments and Opinions (the guards read them).</summary>
    public static StateMachine<ApplicationStatus, ReviewTrigger> For(ClosureApplication application)
    {
        var machine = new StateMachine<ApplicationStatus, ReviewTrigger>(() => application.Status, application.MoveTo);
        Configure(machine, () => WorkflowFacts.Of(application));
        return machine;
    }

    public static bool CanFire(ClosureApplication application, ReviewTrigger trigger) => For(application).CanFire(trigger);

    /// <summary>The triggers whose guards pass now, in the order of the action table.</summary>
    public static IReadOnlyList<ReviewTrigger> PermittedTriggers(ClosureApplication application)
    {
        var machine = For(application);
        return WorkflowActions.All.Select(a => a.Trigger).Where(t => machine.CanFire(t)).ToList();
    }

    /// <summary>The states and transitions as a Mermaid state diagram; guards appear as labels.</summary>
    public static string ToMermaid()
    {
        var state = ApplicationStatus.Draft;
        var machine = new StateMachine<ApplicationStatus, ReviewTrigger>(() => state, s => state = s);
        Configure(machine, () => WorkflowFacts.None);
        return MermaidGraph.Format(machine.GetInfo()).ReplaceLineEndings("\n");
    }

    /// <summary>True when every expert assigned in the current round has recorded an appraisal.</summary>
    public static bool AllExpertsAppraised(ClosureApplication application)
    {
        var assigned = application.ExpertAssignments.Where(e => e.Round == application.Round).Select(e => e.ExpertUserId).ToList();
        return assigned.Count > 0 && assigned.All(id => application.Opinions.Any(o =>
            o.Round == application.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == id));
    }

    /// <summary>City-level units (市本级) skip the county federation.</summary>
    public static bool IsCityLevel(ClosureApplication application) =>
        application.Project?.Unit?.Region is { } region
            ? region.IsCityLevel
            : throw new InvalidOperationException("The workflow needs the application's Project.Unit.Region loaded.");

    /// <summary>Permits generated from <see cref="WorkflowActions.All"/>: every arrow of every action, with its guard.</summary>
    private static void Configure(StateMachine<ApplicationStatus, ReviewTrigger> machine, Func<WorkflowFacts> facts)
    {
        // Every state is configured, so the diagram shows the final ones too, in the enum's order.
        foreach (var state in Enum.GetValues<ApplicationStatus>())
            machine.Configure(state);
        foreach (var action in WorkflowActions.All)
        {
            foreach (var t in action.Transitions)
            {
                var state = machine.Configure(t.From);
                var guard = t.Guard;
                if (t.To is not { } to)
                {
                    if (guard is null)
                        state.InternalTransition(action.Trigger, _ => { });
                    else
                        state.InternalTransitionIf(action.Trigger, _ => guard.Holds(facts()), _ => { }, guard.Label);
                }
                else if (guard is null)
                {
                    state.Permit(action.Trigger, to);
                }
                else
                {
                    state.PermitIf(action.Trigger, to, () => guard.Holds(facts()), guard.Label);
                }
            }
        }
    }
}
