using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// Queues the check of a submitted round: the row is added to the context and saved with the submission itself (as
/// the outbox is, docs/notices.md), so a check exists exactly when the submission does, and the submit never waits
/// for it. The worker (<see cref="RunReuseChecks"/>) runs it after the commit.
/// </summary>
public sealed class ReuseQueue(IAppDbContext db)
{
    public void Enqueue(ClosureApplication application, DateTimeOffset now) =>
        db.ReuseChecks.Add(Pending(application.Id, application.Round, now));

    public static ReuseCheck Pending(int applicationId, int round, DateTimeOffset now) => new()
    {
        ApplicationId = applicationId,
        Round = round,
        State = ReuseCheckState.Pending,
        RequestedAt = now,
        NextAttemptAt = now,
    };
}

/// <summary>The report text of a submitted round, as frozen in its revision.</summary>
public static class RoundReports
{
    public static string? TextOf(string revisionContent) => ApplicationSnapshot.FromJson(revisionContent)?.ReportText;

    public static ReuseText Normalise(string text, IOptions<ReuseOptions> options) => ReuseText.Of(text, options.Value.Headings);
}
