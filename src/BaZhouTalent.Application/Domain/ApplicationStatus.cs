namespace BaZhouTalent.Application.Domain;

/// <summary>Where a closure application stands in the review chain; each value is described by its row in
/// <see cref="Workflow.WorkflowStages"/> (a test fails for a value without one).</summary>
public enum ApplicationStatus
{
    Draft = 0,
    UnitReview = 1,
    CountyReview = 2,
    FederationIntake = 3,
    ExpertReview = 4,
    FederationReview = 5,
    Concluded = 6,
    Rejected = 7,
    Returned = 8,
    /// <summary>暂缓结项: the federation deferred the decision; the researcher revises by a due date and resubmits.</summary>
    Deferred = 9,
}

/// <summary>What a status means, read from its row in <see cref="Workflow.WorkflowStages"/>.</summary>
public static class ApplicationStatusNames
{
    /// <summary>The states in which the application is with the researcher: they may edit it and (re)submit.</summary>
    public static bool IsWithResearcher(this ApplicationStatus status) =>
        Workflow.WorkflowStages.Of(status).Role == Security.Roles.Researcher;

    /// <summary>Submitted and not yet back with the researcher nor decided: a reviewer holds it.</summary>
    public static bool IsInReview(this ApplicationStatus status) => Workflow.WorkflowStages.Of(status).InReview;

    public static string ToChinese(this ApplicationStatus status) =>
        Workflow.WorkflowStages.IsDeclared(status) ? Workflow.WorkflowStages.Of(status).Title : status.ToString();
}
