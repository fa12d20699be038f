using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Workflow;

/// <summary>
/// Who may not appraise an application: someone from the applicant's unit or a participant's unit, the leader or
/// a participant, an expert who declared a conflict with the unit, a member or the project, or one who declined it.
/// </summary>
public static class ConflictOfInterest
{
    /// <summary>The Chinese reason the expert is refused, or null when there is no conflict.</summary>
    /// <remarks>The application must be loaded with its Project, the project's Unit and its History.</remarks>
    public static string? ReasonFor(ClosureApplication application, ExpertCandidate expert)
    {
        // An expert who declined it (回避 or 无法按期) is not asked again, by any assignment.
        if (application.WasDeclinedBy(expert.UserId))
            return $"{expert.Name}已谢绝鉴定本项目，不再分配。";
        var unitName = application.Project.Unit?.Name ?? "";
        if (expert.UnitId == application.Project.UnitId
            || UnitNames.Same(expert.UnitName, unitName) || UnitNames.Same(expert.UnitName, application.CurrentLeader.Unit))
            return $"{expert.Name}与申请人同属“{unitName}”，存在利益冲突，不能担任本项目鉴定专家。";

        var participants = application.CurrentParticipants.Concat(application.Project.OriginalParticipants).ToList();
        if (participants.FirstOrDefault(p => UnitNames.Same(p.Unit, expert.UnitName)) is { } colleague)
            return $"{expert.Name}与项目参与人员{colleague.Name}同属“{expert.UnitName}”，存在利益冲突，不能担任本项目鉴定专家。";

        if (expert.Declared is { Count: > 0 } declared)
        {
            string[] identities =
            [
                unitName, application.CurrentLeader.Unit, application.CurrentLeader.Name, application.Project.OriginalLeader.Name,
                application.Project.Code, .. participants.Select(p => p.Name), .. participants.Select(p => p.Unit),
            ];
            if (declared.FirstOrDefault(d => identities.Any(i => UnitNames.Same(i, d))) is { } match)
                return $"{expert.Name}已申报回避“{match}”，不能担任本项目鉴定专家。";
        }

        var name = expert.Name.Trim();
        if (name.Length == 0)
            return null;
        if (name == application.CurrentLeader.Name.Trim() || name == application.Project.OriginalLeader.Name.Trim())
            return $"{expert.Name}是本项目负责人，存在利益冲突，不能担任本项目鉴定专家。";
        if (participants.Any(p => p.Name.Trim() == name))
            return $"{expert.Name}是本项目参与人员，存在利益冲突，不能担任本项目鉴定专家。";
        return null;
    }
}
