using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Queue;

/// <summary>How a project's closure stands, for lists that include projects with no application yet.</summary>
public static class ProjectStatus
{
    public const string NotStarted = "未开始";

    public static string ToChinese(ApplicationStatus? status) => status?.ToChinese() ?? NotStarted;

    /// <summary>The researcher's to-do for their project, or null when the project is with reviewers or done.</summary>
    public static string? ResearcherAction(ApplicationStatus? status) => status switch
    {
        null => "填写结项申请",
        ApplicationStatus.Draft => "完善并提交结项申请",
        ApplicationStatus.Returned => "按退回意见修改后重新提交",
        _ => null,
    };
}
