using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Experts;

/// <summary>
/// 受理并分配: the pool ranked for one application. Experts in conflict of interest are set apart with the
/// reason (never suggested, never assignable); the others rank by how many of their fields the project names
/// (in its title, result title and the report's 关键词), then by the lighter open load, then by name.
/// </summary>
public static class SuggestExperts
{
    public sealed record Suggestion(
        string UserId, string Name, string UnitName, string Title, IReadOnlyList<string> Fields,
        IReadOnlyList<string> MatchedFields, int OpenLoad, string? Conflict);

    /// <summary>Suggestions first (best first), then the experts in conflict.</summary>
    public static async Task<IReadOnlyList<Suggestion>> ForAsync(
        IAppDbContext db, VersionedCache cache, ClosureApplication application, CancellationToken cancellationToken)
    {
        var members = await ExpertPool.KeptMembersAsync(db, cache, cancellationToken);
        var load = await ExpertPool.KeptOpenLoadAsync(db, cache, cancellationToken);
        return Rank(application, members, load);
    }

    public static IReadOnlyList<Suggestion> Rank(ClosureApplication application, IReadOnlyList<ExpertPool.Member> members, IReadOnlyDictionary<string, int> load)
    {
        var subject = SubjectOf(application);
        return members
            .Select(m => new Suggestion(
                m.Candidate.UserId, m.Candidate.Name, m.Candidate.UnitName, m.Title, m.Fields,
                m.Fields.Where(f => subject.Contains(f, StringComparison.Ordinal)).ToList(),
                load.GetValueOrDefault(m.Candidate.UserId),
                ConflictOfInterest.ReasonFor(application, m.Candidate)))
            .OrderBy(s => s.Conflict is not null)
            .ThenByDescending(s => s.MatchedFields.Count)
            .ThenBy(s => s.OpenLoad)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What the project says it is about: its titles and the report's 关键词 line.</summary>
    public static string SubjectOf(ClosureApplication application)
    {
        var keywords = application.ReportText.Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("关键词", StringComparison.Ordinal)) ?? "";
        return string.Join(" ", application.Project.Title, application.ResultTitle, keywords);
    }
}
