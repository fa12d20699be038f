using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Workflow;

/// <summary>Who may not appraise an application: someone from the applicant's unit, the leader or a participant.</summary>
public static class ConflictOfInterest
{
    /// <summary>The Chinese reason the expert is refused, or null when there is no conflict.</summary>
    /// <remarks>The application must be loaded with its Project and the project's Unit.</remarks>
    public static string? ReasonFor(ClosureApplication application, ExpertCandidate expert)
    {
        var unitName = application.Project.Unit?.Name ?? "";
        if (expert.UnitId == application.Project.UnitId
            || (expert.UnitName.Length > 0 && (expert.UnitName == unitName || expert.UnitName == application.CurrentLeader.Unit)))
            return $"{expert.Name}与申请人同属“{unitName}”，存在利益冲突，不能担任本项目鉴定专家。";

        var name = expert.Name.Trim();
        if (name.Length == 0)
            return null;
        if (name == application.CurrentLeader.Name.Trim() || name == application.Project.OriginalLeader.Name.Trim())
            return $"{expert.Name}是本项目负责人，存在利益冲突，不能担任本项目鉴定专家。";
        if (application.CurrentParticipants.Concat(application.Project.OriginalParticipants).Any(p => p.Name.Trim() == name))
            return $"{expert.Name}是本项目参与人员，存在利益冲突，不能担任本项目鉴定专家。";
        return null;
    }
}
