using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// Notices for a project's requests (延期, 撤项) and its termination, added with the step (the step's own save stores
/// them, as for the closure's hand-overs): whoever acts next is told, and once decided the leader and the unit learn
/// the outcome. Requests never reach experts, so there is no blind copy to make; texts carry the code, title and outcome only.
/// </summary>
public sealed class ProjectNotices(NoticeWriter writer, NoticeRecipients recipients)
{
    public async Task RequestMovedAsync(FundedProject project, ProjectRequest request, CancellationToken cancellationToken)
    {
        var what = $"{request.Kind.ToChinese()}申请";
        var subject = $"项目 {project.Code}“{project.Title}”";
        var (to, title, body, link) = request.Status switch
        {
            ProjectRequestStatus.Requested => (await recipients.UnitReviewers(project.UnitId).ToListAsync(cancellationToken),
                $"{what} {project.Code} 待单位审核", $"{subject}提出了{what}，请审核。", "/Requests/Unit"),
            ProjectRequestStatus.UnitAgreed => (await recipients.Federation().ToListAsync(cancellationToken),
                $"{what} {project.Code} 待市社科联审批", $"{subject}的{what}已经所在单位同意，请审批。", "/Requests/Federation"),
            ProjectRequestStatus.Withdrawn => (await recipients.UnitReviewers(project.UnitId).ToListAsync(cancellationToken),
                $"{what} {project.Code} 已撤回", $"{subject}的{what}已由项目负责人撤回，无需办理。", $"/projects/{project.Code}"),
            _ => (await LeaderAndUnitAsync(project, cancellationToken),
                $"{what} {project.Code} {request.OutcomeName()}", Outcome(subject, what, request), $"/projects/{project.Code}"),
        };
        // A new request has no id yet: its creation is one event whatever the key, so a fresh one does.
        var key = request.Id == 0 ? null : $"request:{request.Id}:{request.Status}";
        await writer.AddAsync(to, new NoticeText(title, body, link), key, cancellationToken);
    }

    public async Task TerminatedAsync(FundedProject project, string ground, CancellationToken cancellationToken) =>
        await writer.AddAsync(await LeaderAndUnitAsync(project, cancellationToken),
            new NoticeText($"项目 {project.Code} 已终止",
                $"市社科联已终止项目 {project.Code}“{project.Title}”（{ground}），此后不能再提交或办理结项申请。详见项目情况页。",
                $"/projects/{project.Code}"),
            $"terminated:{project.Code}", cancellationToken);

    private static string Outcome(string subject, string what, ProjectRequest request) => (request.Status, request.Kind) switch
    {
        (ProjectRequestStatus.Approved, ProjectRequestKind.Extension) when request.RequestedCompletion is { } date =>
            $"{subject}的{what}已获市社科联批准，计划完成时间延至 {RequestExtension.Format(date)}。",
        (ProjectRequestStatus.Approved, ProjectRequestKind.Change) =>
            $"{subject}的{what}已获市社科联批准，变更内容已记入结项申请书“项目变更情况数据表”的“现”栏。",
        (ProjectRequestStatus.Approved, ProjectRequestKind.Termination) => $"{subject}的{what}已获市社科联批准，项目已终止。",
        _ => $"{subject}的{what}，{request.OutcomeSentence()}详见项目情况页。",
    };

    private async Task<List<string>> LeaderAndUnitAsync(FundedProject project, CancellationToken cancellationToken)
    {
        var to = await recipients.UnitReviewers(project.UnitId).ToListAsync(cancellationToken);
        if (project.LeaderUserId is { } leader)
            to.Add(leader);
        return to;
    }
}
