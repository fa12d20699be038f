using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Notices;

/// <summary>Who a hand-over notice goes to.</summary>
/// <remarks><see cref="RoundExperts"/>: the experts the step assigned to the round.</remarks>
public enum NoticeAudience { Leader, UnitReviewers, CountyReviewers, Federation, RoundExperts, ChiefExpert }

/// <summary>One step as its notices read it: the application after the step, the trigger, the stage it left, the step's note.</summary>
public sealed record HandOver(ClosureApplication Application, ReviewTrigger Trigger, ApplicationStatus From, string? Note)
{
    public string Code => Application.Project.Code;
    public string Title => $"《{Application.Project.Title}》";
    public string ReviewLink => $"/Review/Act/{Code}";
    public string DetailsLink => $"/applications/{Code}";
}

/// <summary>A notice declared for a stage entered (<see cref="WorkflowStage.OnEnter"/>) or an action (<see cref="WorkflowAction.Notices"/>).</summary>
/// <param name="When">Sent only when this holds; null: always.</param>
public sealed record HandOverNotice(NoticeAudience To, Func<HandOver, NoticeText> Text, Func<HandOver, bool>? When = null);

/// <summary>
/// The notices of a hand-over: whoever must act next (or learns the outcome) is told, in Chinese, with a link to
/// where they act. What is said to whom is declared with the stage entered (<see cref="WorkflowStages"/>), or with the
/// action when it says something else (<see cref="WorkflowActions"/>); this writes them. Called once per step, just
/// before the step's save, so the rows are stored with it.
/// The texts name the project (立项编号 and 项目名称, which every viewer may see) and never the report, the leader,
/// the unit or an expert: an expert's notice must not undo blind review (docs/blind-review.md), and the others
/// need nothing more to find the work.
/// </summary>
public sealed class HandOverNotices(NoticeWriter notices, NoticeRecipients recipients)
{
    /// <summary>Requires <c>Project</c> (with <c>Unit</c>), and for assignments the round's <c>ExpertAssignments</c>, loaded.</summary>
    public async Task RecordAsync(ClosureApplication application, ReviewTrigger trigger, ApplicationStatus from, CancellationToken cancellationToken)
    {
        var step = application.History.LastOrDefault(h => h.Id == 0);
        var handOver = new HandOver(application, trigger, from, step?.Note);
        var key = $"handover:{handOver.Code}:r{application.Round}:{trigger}:{step?.At.UtcTicks ?? 0}";
        var declared = WorkflowActions.Of(trigger).Notices
            ?? (application.Status != from ? WorkflowStages.Of(application.Status).OnEnter : []);
        foreach (var notice in declared.Where(n => n.When?.Invoke(handOver) != false))
        {
            // The audience is part of the key, so one person in two audiences (a chief expert who is also staff) gets both.
            var (who, audience) = await RecipientsAsync(notice.To, application, cancellationToken);
            await notices.AddAsync(who, notice.Text(handOver), $"{key}:{audience}", cancellationToken);
        }
    }

    private async Task<(IEnumerable<string> Who, string Audience)> RecipientsAsync(NoticeAudience to, ClosureApplication application,
        CancellationToken cancellationToken)
    {
        var project = application.Project;
        var round = application.ExpertAssignments.Where(e => e.Round == application.Round).ToList();
        return to switch
        {
            NoticeAudience.Leader => (project.LeaderUserId is { } leader ? [leader] : [], "leader"),
            NoticeAudience.UnitReviewers => (await recipients.UnitReviewers(project.UnitId).ToListAsync(cancellationToken), "reviewers"),
            NoticeAudience.CountyReviewers => (await recipients.CountyReviewers(project.Unit.RegionId).ToListAsync(cancellationToken), "reviewers"),
            NoticeAudience.Federation => (await recipients.Federation().ToListAsync(cancellationToken), "reviewers"),
            // Those assigned by this step (not saved yet): a replacement after a decline is told, the experts who stayed are not again.
            NoticeAudience.RoundExperts => (round.Where(e => e.Id == 0).Select(e => e.ExpertUserId), "experts"),
            NoticeAudience.ChiefExpert => (round.Where(e => e.IsChief).Select(e => e.ExpertUserId), "chief"),
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
    }
}
