using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Queue;

/// <summary>How a project's closure stands, for lists that include projects with no application yet.</summary>
public static class ProjectStatus
{
    public const string NotStarted = "未开始";

    public static string ToChinese(ApplicationStatus? status) => status?.ToChinese() ?? NotStarted;

    /// <summary>The researcher's to-do for their project, or null when the project is with reviewers or done.</summary>
    /// <remarks>Once an application exists the text is the action table's (<see cref="WorkflowActions"/>).</remarks>
    public static string? ResearcherAction(ApplicationStatus? status) => status is { } s
        ? WorkflowActions.QueueTextFor(Roles.Researcher, s, WorkflowFacts.None)
        : "填写结项申请";
}
