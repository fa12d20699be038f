using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// <see cref="ITextSearch"/> per provider (docs/adr/0007). SQLite: the FTS5 trigram tables of <see cref="SearchIndexes"/>
/// for a term of three characters or more; a shorter term has no trigram, and is compared along narrow indexes of the
/// searched columns (a covering index scan, not the projects joined to their applications and units). PostgreSQL:
/// <c>lower(column) LIKE '%term%'</c>, which pg_trgm's GIN indexes serve. SQL Server: the plain comparison (no index).
/// </summary>
internal sealed class TextSearch(AppDbContext db) : ITextSearch
{
    /// <summary>The trigram tokenizer indexes runs of three characters: a shorter term cannot be looked up in it.</summary>
    public const int TrigramLength = 3;

    public IQueryable<int> FundedProjects(string term)
    {
        if (db.Database.IsSqlite() && term.Length >= TrigramLength)
            return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"FundedProjectsSearch\" WHERE \"FundedProjectsSearch\" MATCH {Phrase(term)}");
        if (db.Database.IsSqlite())
            // One narrow index each, named: SQLite would otherwise read the (wide) table rows to compare one column.
            return db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value" FROM "FundedProjects" INDEXED BY "IX_FundedProjects_Code" WHERE instr(lower("Code"), {term}) > 0
                UNION SELECT "Id" FROM "FundedProjects" INDEXED BY "IX_FundedProjects_Title_Id" WHERE instr(lower("Title"), {term}) > 0
                UNION SELECT "Id" FROM "FundedProjects" INDEXED BY "IX_FundedProjects_OriginalLeader_Name" WHERE instr(lower("OriginalLeader_Name"), {term}) > 0
                """);
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(term);
            return db.FundedProjects.Where(p => EF.Functions.Like(p.Code.ToLower(), pattern, Escape) || EF.Functions.Like(p.Title.ToLower(), pattern, Escape)
                || EF.Functions.Like(p.OriginalLeader.Name.ToLower(), pattern, Escape)).Select(p => p.Id);
        }
        return db.FundedProjects.Where(p => p.Code.ToLower().Contains(term) || p.Title.ToLower().Contains(term)
            || p.OriginalLeader.Name.ToLower().Contains(term)).Select(p => p.Id);
    }

    public IQueryable<int> ClosureApplications(string term)
    {
        if (db.Database.IsSqlite() && term.Length >= TrigramLength)
            return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ClosureApplicationsSearch\" WHERE \"ClosureApplicationsSearch\" MATCH {Phrase(term)}");
        if (db.Database.IsSqlite())
            return db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value" FROM "ClosureApplications" INDEXED BY "IX_ClosureApplications_Status_ProjectTitle_Id" WHERE instr(lower("ProjectTitle"), {term}) > 0
                UNION SELECT "Id" FROM "ClosureApplications" INDEXED BY "IX_ClosureApplications_CurrentLeader_Name" WHERE instr(lower("CurrentLeader_Name"), {term}) > 0
                """);
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(term);
            return db.ClosureApplications.Where(a => EF.Functions.Like(a.ProjectTitle.ToLower(), pattern, Escape)
                || EF.Functions.Like(a.CurrentLeader.Name.ToLower(), pattern, Escape)).Select(a => a.Id);
        }
        return db.ClosureApplications.Where(a => a.ProjectTitle.ToLower().Contains(term) || a.CurrentLeader.Name.ToLower().Contains(term))
            .Select(a => a.Id);
    }

    public IQueryable<long>? SecurityEvents(string term)
    {
        if (db.Database.IsSqlite() && term.Length >= TrigramLength)
            return db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"SecurityEventsSearch\" WHERE \"SecurityEventsSearch\" MATCH {Phrase(term)}");
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(term.ToLowerInvariant());
            return db.SecurityEvents.Where(e => EF.Functions.Like(e.Target.ToLower(), pattern, Escape) || EF.Functions.Like(e.Detail.ToLower(), pattern, Escape)
                || EF.Functions.Like(e.AccountName.ToLower(), pattern, Escape) || EF.Functions.Like(e.ClientAddress.ToLower(), pattern, Escape)).Select(e => e.Sequence);
        }
        return null;
    }

    public IQueryable<string>? Accounts(string term)
    {
        if (db.Database.IsSqlite() && term.Length >= TrigramLength)
            return db.Database.SqlQuery<string>($"SELECT \"Id\" AS \"Value\" FROM \"AccountsSearch\" WHERE \"AccountsSearch\" MATCH {Phrase(term)}");
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(term);
            return db.Users.Where(u => EF.Functions.Like(u.UserName!.ToLower(), pattern, Escape) || EF.Functions.Like(u.RealName.ToLower(), pattern, Escape)
                || EF.Functions.Like(u.DisplayName.ToLower(), pattern, Escape)).Select(u => u.Id);
        }
        return null;
    }

    /// <summary>An FTS5 phrase: the term as one quoted string, its quotes doubled (no operator of the query syntax applies).</summary>
    internal static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The escape character of <see cref="LikePattern"/>, named in every LIKE (without it Npgsql writes <c>ESCAPE ''</c>).</summary>
    internal const string Escape = @"\";

    /// <summary>PostgreSQL's LIKE pattern for "contains": the wildcards and the escape character (backslash) taken literally.</summary>
    internal static string LikePattern(string term) =>
        "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
