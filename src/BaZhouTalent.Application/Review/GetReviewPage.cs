using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// Everything the review page shows one user: the application as the disclosure policy lets them see it,
/// and the actions the workflow and their role allow now.
/// </summary>
public static class GetReviewPage
{
    public const string Hidden = BlindReview.HiddenText;

    public sealed record Query(string Code);

    public sealed record Result(
        DisclosedApplication Application,
        Guid Stamp,
        IReadOnlyList<ReviewTrigger> Actions,
        IReadOnlyList<SuggestExperts.Suggestion> ExpertPool,
        OpinionInput? Suggestion,
        Reuse.GetReuseReport.Summary Reuse,
        IReadOnlyList<ProposeAssignments.StayingExpert> Staying)
    {
        public string Code => Application.Code;
        public bool Can(ReviewTrigger trigger) => Actions.Contains(trigger);

        /// <summary>Why the last return happened, as this viewer may read it (blind viewers read none).</summary>
        public string? LastReturnReason => Application.LastReturn is { Note.Length: > 0 } r ? r.Note : null;
    }

    public sealed class Handler(LoadDisclosed.Handler load, IAppDbContext db, IAuthorizationService authorization,
        Reuse.GetReuseReport.Handler reuse, VersionedCache cache)
    {
        public async Task<Result?> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            if (await load.HandleAsync(query.Code, user, cancellationToken) is not { } loaded)
                return null;
            var a = loaded.Entity;

            var actions = new List<ReviewTrigger>();
            // A terminated project's application offers no action (each would be refused anyway).
            foreach (var trigger in Projects.ProjectLifecycle.RefusalFor(a.Project) is null ? a.PermittedTriggers : [])
            {
                if ((await authorization.AuthorizeAsync(user, a, ApplicationOperations.For(trigger))).Succeeded)
                    actions.Add(trigger);
            }

            IReadOnlyList<SuggestExperts.Suggestion> pool = actions.Contains(ReviewTrigger.AssignExperts)
                ? await SuggestExperts.ForAsync(db, cache, a, cancellationToken)
                : [];

            // After a decline, the round's other experts stay; the federation adds to them (and may name one of them chief).
            var staying = new List<ProposeAssignments.StayingExpert>();
            if (actions.Contains(ReviewTrigger.AssignExperts))
            {
                var round = a.ExpertAssignments.Where(e => e.Round == a.Round).ToList();
                var ids = round.Select(e => e.ExpertUserId).ToList();
                var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                staying.AddRange(round.Select(e => new ProposeAssignments.StayingExpert(e.ExpertUserId, names.GetValueOrDefault(e.ExpertUserId, ""), e.IsChief)));
            }

            var suggestion = actions.Contains(ReviewTrigger.CompleteAppraisal)
                ? AppraisalRule.Suggest(a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Expert).ToList())
                : null;

            return new Result(loaded.View, a.ConcurrencyStamp, actions, pool, suggestion,
                await reuse.SummaryAsync(a, loaded.View.Policy, cancellationToken), staying);
        }
    }
}

/// <summary>The Chinese words the review pages and the verify page share.</summary>
public static class ReviewText
{
    public static string StageName(ReviewStage stage) => stage switch
    {
        ReviewStage.Unit => "二、申请人所在单位审核意见",
        ReviewStage.County => "三、县（区）社科联意见",
        ReviewStage.Expert => "鉴定专家个人鉴定意见",
        ReviewStage.ChiefExpert => "四、专家鉴定意见（主审专家综合）",
        ReviewStage.Federation => "五、市社科联审核意见",
        ReviewStage.Exemption => "四、免于鉴定（市社科联审核）",
        _ => stage.ToString(),
    };

    public static string GradeName(AppraisalGrade? grade) => grade switch
    {
        AppraisalGrade.Excellent => "优秀",
        AppraisalGrade.Good => "良好",
        AppraisalGrade.Pass => "合格",
        _ => "—",
    };

    public static string HasOrNot(bool? value) => value switch { true => "有", false => "无", _ => "—" };

    public static string YesOrNo(bool? value) => value switch { true => "是", false => "否", _ => "—" };
}
