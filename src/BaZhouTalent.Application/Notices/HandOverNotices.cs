using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Notices;

/// <summary>
/// The notices of a hand-over: whoever must act next (or learns the outcome) is told, in Chinese, with a link to
/// where they act. Called once per step, just before the step's save, so the rows are stored with it.
/// The texts name the project (立项编号 and 项目名称, which every viewer may see) and never the report, the leader,
/// the unit or an expert: an expert's notice must not undo blind review (docs/blind-review.md), and the others
/// need nothing more to find the work.
/// </summary>
public sealed class HandOverNotices(NoticeWriter notices, NoticeRecipients recipients)
{
    /// <summary>Requires <c>Project</c> (with <c>Unit</c>), and for assignments the round's <c>ExpertAssignments</c>, loaded.</summary>
    public async Task RecordAsync(ClosureApplication application, ReviewTrigger trigger, ApplicationStatus from, CancellationToken cancellationToken)
    {
        var project = application.Project;
        var code = project.Code;
        var title = $"《{project.Title}》";
        var step = application.History.LastOrDefault(h => h.Id == 0);
        var key = $"handover:{code}:r{application.Round}:{trigger}:{step?.At.UtcTicks ?? 0}";
        var review = $"/Review/Act/{code}";
        var details = $"/applications/{code}";

        // The audience is part of the key, so one person in two audiences (a chief expert who is also staff) gets both.
        async Task Tell(IQueryable<string> who, NoticeText text, string audience = "reviewers") =>
            await notices.AddAsync(await who.ToListAsync(cancellationToken), text, $"{key}:{audience}", cancellationToken);
        Task TellIds(IEnumerable<string> who, NoticeText text, string audience) =>
            notices.AddAsync(who, text, $"{key}:{audience}", cancellationToken);

        switch (trigger)
        {
            case ReviewTrigger.Submit:
                await Tell(recipients.UnitReviewers(project.UnitId), new NoticeText(
                    $"结项申请 {code} 待您审核",
                    from switch
                    {
                        ApplicationStatus.Returned => $"项目{title}的结项申请已修改并重新提交，请进行单位审核。",
                        ApplicationStatus.Deferred => $"项目{title}的结项申请已按暂缓结项意见修改并重新提交，请进行单位审核。",
                        _ => $"项目{title}的结项申请已提交，请进行单位审核。",
                    },
                    review));
                break;
            case ReviewTrigger.Withdraw:
                await Tell(recipients.UnitReviewers(project.UnitId), new NoticeText(
                    $"结项申请 {code} 已撤回",
                    $"项目{title}的结项申请已由申请人撤回，暂无需审核。",
                    "/Review/Unit"));
                break;
            case ReviewTrigger.Return:
                await TellIds(Leader(project), new NoticeText(
                    $"结项申请 {code} 被退回修改",
                    $"您的项目{title}的结项申请在“{from.ToChinese()}”环节被退回修改。退回理由：{step?.Note}\n请修改后重新提交。",
                    $"{details}#return-reason"), "leader");
                break;
            case ReviewTrigger.ApproveByUnit when application.Status == ApplicationStatus.CountyReview:
                await Tell(recipients.CountyReviewers(project.Unit.RegionId), new NoticeText(
                    $"结项申请 {code} 待您审核",
                    $"项目{title}的结项申请已通过单位审核，请进行县（区）社科联审核。",
                    review));
                break;
            case ReviewTrigger.ApproveByUnit or ReviewTrigger.ApproveByCounty:
                await Tell(recipients.Federation(), new NoticeText(
                    $"结项申请 {code} 待您受理",
                    $"项目{title}的结项申请已通过{(trigger == ReviewTrigger.ApproveByUnit ? "单位" : "县（区）社科联")}审核，"
                        + (application.ExemptionPending ? "并申请免于鉴定，请审核免于鉴定申请。" : "请受理并分配鉴定专家。"),
                    review));
                break;
            case ReviewTrigger.AssignExperts:
                // Names no one: the expert learns the project, never the leader or the unit.
                await TellIds(application.ExpertAssignments.Where(e => e.Round == application.Round).Select(e => e.ExpertUserId),
                    new NoticeText(
                        $"结项申请 {code} 请您鉴定",
                        $"市社科联已将项目{title}的结项成果分配给您鉴定，请在规定时限内提交鉴定意见。",
                        review), "experts");
                break;
            case ReviewTrigger.Appraise when ReviewWorkflow.AllExpertsAppraised(application):
                await TellIds(application.ExpertAssignments.Where(e => e.Round == application.Round && e.IsChief).Select(e => e.ExpertUserId),
                    new NoticeText(
                        $"结项申请 {code} 鉴定意见已到齐",
                        $"项目{title}的全部专家鉴定意见已提交，请您签署综合鉴定意见。",
                        review), "chief");
                await Tell(recipients.Federation(), new NoticeText(
                    $"结项申请 {code} 专家鉴定意见已到齐",
                    $"项目{title}的全部专家鉴定意见已提交，待主审专家签署综合鉴定意见。",
                    details));
                break;
            case ReviewTrigger.CompleteAppraisal:
                await Tell(recipients.Federation(), new NoticeText(
                    $"结项申请 {code} 鉴定完成，待您审核",
                    $"项目{title}的专家鉴定已完成，请进行市社科联审核（终审）。",
                    review));
                break;
            case ReviewTrigger.GrantExemption or ReviewTrigger.RefuseExemption:
                var granted = trigger == ReviewTrigger.GrantExemption;
                await TellIds(Leader(project), new NoticeText(
                    granted ? $"结项申请 {code} 已同意免于鉴定" : $"结项申请 {code} 不同意免于鉴定",
                    granted
                        ? $"您的项目{title}经市社科联审核同意免于鉴定（{step?.Note}），待市社科联终审。"
                        : $"您的项目{title}的免于鉴定申请未获同意，转入专家鉴定。理由：{step?.Note}",
                    details), "leader");
                break;
            case ReviewTrigger.Defer:
                var deferral = new NoticeText(
                    $"结项申请 {code} 暂缓结项",
                    $"项目{title}经市社科联审核暂缓结项，请于 {application.DeferredUntil:yyyy年M月d日} 前按意见修改后重新提交。意见：{step?.Note}",
                    $"{details}#return-reason");
                await TellIds(Leader(project), deferral, "leader");
                await Tell(recipients.UnitReviewers(project.UnitId), deferral);
                break;
            case ReviewTrigger.Conclude or ReviewTrigger.Reject:
                var concluded = trigger == ReviewTrigger.Conclude;
                var outcome = new NoticeText(
                    concluded ? $"结项申请 {code} 已同意结项" : $"结项申请 {code} 不予结项",
                    concluded
                        ? $"项目{title}经市社科联审核同意结项，结项证书编号：{application.CertificateNumber}。"
                        : $"项目{title}经市社科联审核不予结项。理由：{step?.Note}",
                    details);
                await TellIds(Leader(project), outcome, "leader");
                await Tell(recipients.UnitReviewers(project.UnitId), outcome);
                break;
        }
    }

    private static IEnumerable<string> Leader(FundedProject project) =>
        project.LeaderUserId is { } leader ? [leader] : [];
}
