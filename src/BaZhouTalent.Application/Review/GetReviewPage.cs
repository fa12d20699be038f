using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Review;

/// <summary>
/// Everything the review page shows one user: the whole application (names hidden for blind review),
/// the signed sections they may read, and the actions the workflow and their role allow now.
/// </summary>
public static class GetReviewPage
{
    public const string Hidden = BlindReview.HiddenText;

    public sealed record Query(string Code);

    public sealed record Person(string Name, string Gender, string Ethnicity, string Birth, string Unit,
        string AdministrativePost, string ProfessionalTitle, string Address, string Phone);

    public sealed record Member(string Name, string Unit, string Title, string Phone);

    public sealed record Opinion(
        ReviewStage Stage, int Round, bool? HasProblem, bool? Agrees, AppraisalGrade? Grade, string Text,
        string SignerName, string SignerUnit, DateTimeOffset SignedAt, string VerificationCode, bool IsMine)
    {
        public string StageName => ReviewText.StageName(Stage);
    }

    public sealed record Assigned(string Name, bool IsChief, bool HasAppraised);

    public sealed record Result(
        string Code,
        string ProjectTitle,
        string Category,
        ApplicationStatus Status,
        int Round,
        Guid Stamp,
        bool Blind,
        bool IsCityLevel,
        string LeaderName,
        string UnitName,
        DateOnly FillDate,
        DateTimeOffset? SubmittedAt,
        bool? Sensitive,
        bool? Classified,
        string ResultTitle,
        string PlannedOutputForm,
        string CurrentOutputForm,
        DateOnly PlannedCompletion,
        DateOnly? ActualCompletion,
        Person CurrentLeader,
        IReadOnlyList<Member> Participants,
        string ReportText,
        string? CertificateNumber,
        string? LastReturnReason,
        IReadOnlyList<ReviewTrigger> Actions,
        bool CanSeeHistory,
        bool CanSeeExpertAppraisals,
        IReadOnlyList<Opinion> Opinions,
        IReadOnlyList<Assigned> AssignedExperts,
        IReadOnlyList<SuggestExperts.Suggestion> ExpertPool,
        OpinionInput? Suggestion,
        ChangeTable ChangeTable)
    {
        public string StatusName => Status.ToChinese();
        public bool Can(ReviewTrigger trigger) => Actions.Contains(trigger);
    }

    public sealed class Handler(IAppDbContext db, IAuthorizationService authorization, UserManager<AppUser> users)
    {
        public async Task<Result?> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var a = await ReviewLoading.LoadAsync(db, query.Code, cancellationToken);
            if (a is null || !await Allowed(user, a, ApplicationOperations.View))
                return null;

            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var blind = !await Allowed(user, a, ApplicationOperations.SeeIdentities);
            var seeAppraisals = await Allowed(user, a, ApplicationOperations.SeeExpertAppraisals);
            string Reveal(string value) => blind ? Hidden : value;

            var actions = new List<ReviewTrigger>();
            foreach (var trigger in a.PermittedTriggers)
            {
                if (await Allowed(user, a, ApplicationOperations.For(trigger)))
                    actions.Add(trigger);
            }

            var opinions = a.Opinions
                .Where(o => o.Round == a.Round)
                .Where(o => o.Stage != ReviewStage.Expert || seeAppraisals || o.SignerUserId == userId)
                .OrderBy(o => o.Stage).ThenBy(o => o.SignedAt)
                .Select(o => new Opinion(o.Stage, o.Round, o.HasProblem, o.Agrees, o.Grade, o.OpinionText,
                    // Experts' own names are not the applicant's identity; the unit and county signers are.
                    o.Stage is ReviewStage.Unit or ReviewStage.County ? Reveal(o.SignerName) : o.SignerName,
                    o.Stage is ReviewStage.Unit or ReviewStage.County ? Reveal(o.SignerUnit) : o.SignerUnit,
                    o.SignedAt, o.VerificationCode, o.SignerUserId == userId))
                .ToList();

            var assignments = a.ExpertAssignments.Where(e => e.Round == a.Round).ToList();
            var assigned = new List<Assigned>();
            if (seeAppraisals || user.IsInRole(Roles.MunicipalFederation))
            {
                var ids = assignments.Select(e => e.ExpertUserId).ToList();
                var names = await db.Users.Where(u => ids.Contains(u.Id))
                    .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
                assigned = assignments.OrderByDescending(e => e.IsChief)
                    .Select(e => new Assigned(names.GetValueOrDefault(e.ExpertUserId, "?"), e.IsChief,
                        a.Opinions.Any(o => o.Round == a.Round && o.Stage == ReviewStage.Expert && o.SignerUserId == e.ExpertUserId)))
                    .ToList();
            }

            IReadOnlyList<SuggestExperts.Suggestion> pool = actions.Contains(ReviewTrigger.AssignExperts)
                ? await SuggestExperts.ForAsync(db, users, a, cancellationToken)
                : [];

            var suggestion = actions.Contains(ReviewTrigger.CompleteAppraisal)
                ? AppraisalRule.Suggest(a.Opinions.Where(o => o.Round == a.Round && o.Stage == ReviewStage.Expert).ToList())
                : null;

            var lastReturn = a.History.Where(h => h.Action == nameof(ReviewTrigger.Return)).OrderByDescending(h => h.At).FirstOrDefault();
            var leader = a.CurrentLeader;
            return new Result(
                a.Project.Code,
                a.Project.Title,
                a.Project.Category.Name,
                a.Status,
                a.Round,
                a.ConcurrencyStamp,
                blind,
                a.Project.Unit.Region.IsCityLevel,
                Reveal(leader.Name),
                Reveal(a.Project.Unit.Name),
                a.FillDate,
                a.SubmittedAt,
                a.Sensitive,
                a.Classified,
                a.ResultTitle,
                a.Project.PlannedOutputForm,
                a.CurrentOutputForm,
                a.Project.PlannedCompletion,
                a.ActualCompletion,
                new Person(Reveal(leader.Name), leader.Gender, leader.Ethnicity,
                    leader.BirthYear is { } y ? $"{y} 年 {leader.BirthMonth} 月" : "", Reveal(leader.Unit),
                    leader.AdministrativePost, leader.ProfessionalTitle, Reveal(leader.Address), Reveal(leader.Phone)),
                a.CurrentParticipants.OrderBy(p => p.SortOrder)
                    .Select(p => new Member(Reveal(p.Name), Reveal(p.Unit), p.Title, Reveal(p.Phone))).ToList(),
                a.ReportText,
                a.CertificateNumber,
                lastReturn?.Note,
                actions,
                !blind,
                seeAppraisals,
                opinions,
                assigned,
                pool,
                suggestion,
                ChangeTable.Build(a.Project, a, Reveal));
        }

        private async Task<bool> Allowed(ClaimsPrincipal user, ClosureApplication application,
            Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
            (await authorization.AuthorizeAsync(user, application, operation)).Succeeded;
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
