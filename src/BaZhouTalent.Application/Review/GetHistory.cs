using System.Security.Claims;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Review;

/// <summary>An application's history: every transition (who, when, round, note), the signed opinions, and
/// what changed between the submitted revisions of successive rounds.</summary>
public static class GetHistory
{
    public sealed record Query(string Code);

    public sealed record RoundChanges(int FromRound, int ToRound, DateTimeOffset SubmittedAt, IReadOnlyList<RevisionDiff.Change> Changes);

    public enum Access { Allowed, NotFound, Forbidden }

    public sealed record Result(
        Access Access, string Code = "", string ProjectTitle = "", ApplicationStatus Status = default, int Round = 0,
        IReadOnlyList<DisclosedHistoryEntry>? Entries = null, IReadOnlyList<DisclosedOpinion>? Opinions = null, IReadOnlyList<RoundChanges>? Rounds = null)
    {
        public string StatusName => Status.ToChinese();
    }

    public sealed class Handler(LoadDisclosed.Handler load)
    {
        public async Task<Result> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            if (await load.HandleAsync(query.Code, user, cancellationToken) is not { } loaded)
                return new Result(Access.NotFound);
            // The round-by-round diff shows identifying fields before and after: not for blind viewers.
            var view = loaded.View;
            if (!view.Policy.SeesHistoryPage)
                return new Result(Access.Forbidden);
            var a = loaded.Entity;

            var revisions = a.Revisions.OrderBy(r => r.Round).ToList();
            var rounds = new List<RoundChanges>();
            for (var i = 1; i < revisions.Count; i++)
            {
                var before = ApplicationSnapshot.FromJson(revisions[i - 1].Content);
                var after = ApplicationSnapshot.FromJson(revisions[i].Content);
                if (before is null || after is null) continue;
                rounds.Add(new RoundChanges(revisions[i - 1].Round, revisions[i].Round, revisions[i].SubmittedAt, RevisionDiff.Compare(before, after, maskContact: !view.Policy.SeesContactDetails)));
            }

            return new Result(Access.Allowed, view.Code, view.ProjectTitle, view.Status, view.Round, view.History, view.Opinions, rounds);
        }
    }
}
