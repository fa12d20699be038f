using BaZhouTalent.Application.Domain;
using Stateless;
using Stateless.Graph;

namespace BaZhouTalent.Application.Workflow;

/// <summary>
/// The review chain as a Stateless machine over <see cref="ClosureApplication.Status"/> (external state
/// storage): the one definition of which trigger is legal in which state. Intent methods on the
/// application fire it; pages ask <see cref="CanFire"/> to show only what is allowed; the diagram in
/// docs/workflow.md is rendered from it by <see cref="ToMermaid"/>.
/// </summary>
public static class ReviewWorkflow
{
    public const string CountyUnitGuard = "县（区）单位";
    public const string CityLevelUnitGuard = "市本级单位";
    public const string AllAppraisedGuard = "全部专家已鉴定";
    public const string AppraisalPendingGuard = "尚有专家未鉴定";

    /// <summary>A machine bound to <paramref name="application"/>, which must be loaded with Project.Unit.Region,
    /// ExpertAssignments and Opinions (the guards read them).</summary>
    public static StateMachine<ApplicationStatus, ReviewTrigger> For(ClosureApplication application)
    {
        var machine = new StateMachine<ApplicationStatus, ReviewTrigger>(() => application.Status, application.MoveTo);
        Configure(machine, () => IsCityLevel(application), () => AllExpertsAppraised(application));
        return machine;
    }

    public static bool CanFire(ClosureApplication application, ReviewTrigger trigger) => For(application).CanFire(trigger);

    /// <summary>The triggers whose guards pass now, in declaration order.</summary>
    public static IReadOnlyList<ReviewTrigger> PermittedTriggers(ClosureApplication application)
    {
        var machine = For(application);
        return Enum.GetValues<ReviewTrigger>().Where(t => machine.CanFire(t)).ToList();
    }

    /// <summary>The states and transitions as a Mermaid state diagram; guards appear as labels.</summary>
    public static string ToMermaid()
    {
        var state = ApplicationStatus.Draft;
        var machine = new StateMachine<ApplicationStatus, ReviewTrigger>(() => state, s => state = s);
        Configure(machine, () => false, () => false);
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

    private static void Configure(StateMachine<ApplicationStatus, ReviewTrigger> machine, Func<bool> cityLevel, Func<bool> allAppraised)
    {
        machine.Configure(ApplicationStatus.Draft)
            .Permit(ReviewTrigger.Submit, ApplicationStatus.UnitReview);

        machine.Configure(ApplicationStatus.UnitReview)
            .Permit(ReviewTrigger.Withdraw, ApplicationStatus.Draft)
            .PermitIf(ReviewTrigger.ApproveByUnit, ApplicationStatus.CountyReview, () => !cityLevel(), CountyUnitGuard)
            .PermitIf(ReviewTrigger.ApproveByUnit, ApplicationStatus.FederationIntake, cityLevel, CityLevelUnitGuard)
            .Permit(ReviewTrigger.Return, ApplicationStatus.Returned);

        machine.Configure(ApplicationStatus.CountyReview)
            .Permit(ReviewTrigger.ApproveByCounty, ApplicationStatus.FederationIntake)
            .Permit(ReviewTrigger.Return, ApplicationStatus.Returned);

        machine.Configure(ApplicationStatus.FederationIntake)
            .Permit(ReviewTrigger.AssignExperts, ApplicationStatus.ExpertReview)
            .Permit(ReviewTrigger.Return, ApplicationStatus.Returned);

        machine.Configure(ApplicationStatus.ExpertReview)
            .InternalTransitionIf(ReviewTrigger.Appraise, _ => !allAppraised(), _ => { }, AppraisalPendingGuard)
            .PermitIf(ReviewTrigger.CompleteAppraisal, ApplicationStatus.FederationReview, allAppraised, AllAppraisedGuard)
            .Permit(ReviewTrigger.Return, ApplicationStatus.Returned);

        machine.Configure(ApplicationStatus.FederationReview)
            .Permit(ReviewTrigger.Conclude, ApplicationStatus.Concluded)
            .Permit(ReviewTrigger.Reject, ApplicationStatus.Rejected)
            .Permit(ReviewTrigger.Return, ApplicationStatus.Returned);

        machine.Configure(ApplicationStatus.Returned)
            .Permit(ReviewTrigger.Submit, ApplicationStatus.UnitReview);

        machine.Configure(ApplicationStatus.Concluded);
        machine.Configure(ApplicationStatus.Rejected);
    }
}
