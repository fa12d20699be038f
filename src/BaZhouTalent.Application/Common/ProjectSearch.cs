using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Common;

/// <summary>The project lists' search (结项管理, 项目登记): the rows the index proposes, narrowed by the exact comparison.</summary>
public static class ProjectSearch
{
    /// <summary>
    /// Above this many matches a term is common: its page is read along the list's order with the plain comparison,
    /// which fills twenty rows after a few dozen projects, instead of fetching and sorting every match the index names
    /// (measured in docs/benchmarks.md, "Search by index"). The count is taken through the index either way.
    /// </summary>
    public const int CommonTerm = 200;

    /// <summary>
    /// Projects whose code, title, original or current leader or unit contains <paramref name="term"/>. The candidates
    /// come from the index (<see cref="ITextSearch"/>), the units' names (a few hundred) are read directly; the exact
    /// comparison then runs on the candidates only. 项目登记 (<paramref name="currentLeader"/> false) does not search the
    /// application's current leader.
    /// </summary>
    public static IQueryable<FundedProject> Matching(this IQueryable<FundedProject> projects, IAppDbContext db, ITextSearch search,
        string term, bool currentLeader = true, bool byIndex = true)
    {
        var exact = projects.Where(p => p.Code.ToLower().Contains(term) || p.Title.ToLower().Contains(term)
            || p.OriginalLeader.Name.ToLower().Contains(term) || p.Unit.Name.ToLower().Contains(term)
            || (currentLeader && p.Application != null && p.Application.CurrentLeader.Name.ToLower().Contains(term)));
        if (!byIndex)
            return exact;
        var units = db.Units.Where(u => u.Name.ToLower().Contains(term)).Select(u => u.Id);
        var candidates = search.FundedProjects(term).Union(db.FundedProjects.Where(p => units.Contains(p.UnitId)).Select(p => p.Id));
        if (currentLeader)
            candidates = candidates.Union(db.ClosureApplications.Where(a => search.ClosureApplications(term).Contains(a.Id)).Select(a => a.ProjectId));
        return exact.Where(p => candidates.Contains(p.Id));
    }
}
