using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;

namespace BaZhouTalent.Application.Review;

/// <summary>An application's history: every transition (who, when, round, note), the signed opinions, and
/// what changed between the submitted revisions of successive rounds.</summary>
public static class GetHistory
{
    public sealed record Query(string Code);

    public sealed record Entry(DateTimeOffset At, int Round, string Action, string? From, string? To, string Actor, string Note);

    public sealed record SignedOpinion(int Round, string Stage, string Signer, string Unit, DateTimeOffset At, string Text, string VerificationCode);

    public sealed record RoundChanges(int FromRound, int ToRound, DateTimeOffset SubmittedAt, IReadOnlyList<RevisionDiff.Change> Changes);

    public enum Access { Allowed, NotFound, Forbidden }

    public sealed record Result(
        Access Access, string Code = "", string ProjectTitle = "", ApplicationStatus Status = default, int Round = 0,
        IReadOnlyList<Entry>? Entries = null, IReadOnlyList<SignedOpinion>? Opinions = null, IReadOnlyList<RoundChanges>? Rounds = null)
    {
        public string StatusName => Status.ToChinese();
    }

    public sealed class Handler(IAppDbContext db, IAuthorizationService authorization)
    {
        public async Task<Result> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var a = await ReviewLoading.LoadAsync(db, query.Code, cancellationToken);
            if (a is null || !(await authorization.AuthorizeAsync(user, a, ApplicationOperations.View)).Succeeded)
                return new Result(Access.NotFound);
            // The history names the researcher's unit reviewers and county: experts appraise blind.
            if (!(await authorization.AuthorizeAsync(user, a, ApplicationOperations.SeeIdentities)).Succeeded)
                return new Result(Access.Forbidden);
            var seeAppraisals = (await authorization.AuthorizeAsync(user, a, ApplicationOperations.SeeExpertAppraisals)).Succeeded;

            var entries = a.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new Entry(h.At, h.Round, ReviewTriggerNames.ActionToChinese(h.Action),
                    h.FromStatus?.ToChinese(), h.ToStatus?.ToChinese(),
                    // Individual experts stay anonymous to the researcher and the lower reviewers.
                    h.Action == nameof(ReviewTrigger.Appraise) && !seeAppraisals ? "鉴定专家" : h.ActorName,
                    h.Action == nameof(ReviewTrigger.AssignExperts) && !seeAppraisals ? "" : h.Note))
                .ToList();

            var opinions = a.Opinions
                .Where(o => o.Stage != ReviewStage.Expert || seeAppraisals)
                .OrderBy(o => o.Round).ThenBy(o => o.SignedAt)
                .Select(o => new SignedOpinion(o.Round, ReviewText.StageName(o.Stage), o.SignerName, o.SignerUnit, o.SignedAt, o.OpinionText, o.VerificationCode))
                .ToList();

            var revisions = a.Revisions.OrderBy(r => r.Round).ToList();
            var rounds = new List<RoundChanges>();
            for (var i = 1; i < revisions.Count; i++)
            {
                var before = ApplicationSnapshot.FromJson(revisions[i - 1].Content);
                var after = ApplicationSnapshot.FromJson(revisions[i].Content);
                if (before is null || after is null) continue;
                rounds.Add(new RoundChanges(revisions[i - 1].Round, revisions[i].Round, revisions[i].SubmittedAt, RevisionDiff.Compare(before, after)));
            }

            return new Result(Access.Allowed, a.Project.Code, a.Project.Title, a.Status, a.Round, entries, opinions, rounds);
        }
    }
}
