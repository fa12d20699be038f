using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Common;

/// <summary>The project lists' search (结项管理, 项目登记): the rows the index proposes, narrowed by the exact comparison.</summary>
public static class ProjectSearch
{
    /// <summary>
    /// Projects whose code, title, original or current leader or unit contains <paramref name="term"/>. The candidates
    /// come from the index (<see cref="ITextSearch"/>), the units' names (a few hundred) are read directly; the exact
    /// comparison then runs on the candidates only. 项目登记 (<paramref name="currentLeader"/> false) does not search the
    /// application's current leader.
    /// </summary>
    public static IQueryable<FundedProject> Matching(this IQueryable<FundedProject> projects, IAppDbContext db, ITextSearch search,
        string term, bool currentLeader = true)
    {
        var units = db.Units.Where(u => u.Name.ToLower().Contains(term)).Select(u => u.Id);
        var candidates = search.FundedProjects(term).Union(db.FundedProjects.Where(p => units.Contains(p.UnitId)).Select(p => p.Id));
        if (!currentLeader)
            return projects.Where(p => candidates.Contains(p.Id))
                .Where(p => p.Code.ToLower().Contains(term) || p.Title.ToLower().Contains(term)
                    || p.OriginalLeader.Name.ToLower().Contains(term) || p.Unit.Name.ToLower().Contains(term));
        candidates = candidates.Union(db.ClosureApplications.Where(a => search.ClosureApplications(term).Contains(a.Id)).Select(a => a.ProjectId));
        return projects.Where(p => candidates.Contains(p.Id))
            .Where(p => p.Code.ToLower().Contains(term) || p.Title.ToLower().Contains(term)
                || p.OriginalLeader.Name.ToLower().Contains(term) || p.Unit.Name.ToLower().Contains(term)
                || (p.Application != null && p.Application.CurrentLeader.Name.ToLower().Contains(term)));
    }
}
