namespace BaZhouTalent.Application.Abstractions;

/// <summary>
/// The lists' text search served by an index (docs/adr/0007): the ids of the rows whose searched columns may contain a
/// term in its search form (<see cref="Common.ListRequest.Term"/>). The answer may hold more rows than match; every list
/// narrows it with its own <c>column.ToLower().Contains(term)</c>, so a search finds exactly the rows it found by scanning,
/// only without reading every project to find them.
/// </summary>
public interface ITextSearch
{
    /// <summary>Funded projects whose 项目编号, 项目名称 or original leader's name may contain the term.</summary>
    IQueryable<int> FundedProjects(string term);

    /// <summary>Closure applications whose project title or current leader's name may contain the term.</summary>
    IQueryable<int> ClosureApplications(string term);

    /// <summary>
    /// Security records (操作日志) whose target, detail, account name or client address may contain the term (the search
    /// is case-sensitive; the index proposes regardless of case), or null where no index serves the term (SQLite's
    /// trigrams need three characters; SQL Server has none): the list then compares every record.
    /// </summary>
    IQueryable<long>? SecurityEvents(string term);

    /// <summary>
    /// Accounts (用户管理) whose user name, real name or display name may contain the term, by their ids; or null where no
    /// index serves the term (SQLite's trigrams need three characters; SQL Server has none): the list compares every account.
    /// </summary>
    IQueryable<string>? Accounts(string term);
}
