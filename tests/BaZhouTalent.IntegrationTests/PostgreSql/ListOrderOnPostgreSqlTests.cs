using System.Data.Common;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaZhouTalent.IntegrationTests.PostgreSql;

/// <summary>
/// PostgreSQL reads a list's page along its index (docs/benchmarks.md, "PostgreSQL sorted every row"): an ordering by a
/// column that cannot be NULL is written plainly, one that may be NULL says NULLS FIRST/LAST and its index holds NULLs
/// there. With <c>NULLS LAST</c> after every descending ordering (Npgsql's reversed null ordering), 操作日志 sorted its whole
/// log for each page.
/// </summary>
public sealed class ListOrderOnPostgreSqlTests(PostgreSqlPortal fixture) : IClassFixture<PostgreSqlPortal>
{
    private readonly PostgreSqlPortal portal = PostgreSqlServer.Checked(fixture);

    /// <summary>The statement and PostgreSQL's plan for it, sorting and sequential scans made as dear as they can be, so an
    /// index that serves the order is taken whatever the table's size.</summary>
    private Task<(string Sql, List<string> Plan)> PlanAsync(Func<AppDbContext, IServiceProvider, IQueryable<object>> page) => portal.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_sort = off");
        await using DbCommand command = page(db, sp).CreateDbCommand();
        var sql = command.CommandText;
        command.CommandText = "EXPLAIN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(0).Trim());
        return (sql, steps);
    });

    /// <summary>A Sort node (not an Incremental Sort, which only orders the rows an index delivers with equal keys).</summary>
    private static bool SortsEveryRow(string step) => System.Text.RegularExpressions.Regex.IsMatch(step, @"^(->\s+)?Sort\s+\(");

    [SkippableFact]
    public async Task The_security_logs_page_is_read_backwards_along_its_time_index_not_sorted()
    {
        var (sql, plan) = await PlanAsync((db, sp) => sp.GetRequiredService<ListSecurityEvents.Handler>().Filtered(new ListSecurityEvents.Filter())
            .OrderByDescending(e => e.At).ThenBy(e => e.Sequence).Take(20).Select(e => (object)e.Sequence));
        var message = sql + "\n" + string.Join("\n", plan);
        Assert.DoesNotContain("NULLS", sql, StringComparison.Ordinal); // neither column can be NULL
        Assert.Contains(plan, s => s.Contains("Index Scan Backward using \"IX_SecurityEvents_At\"", StringComparison.Ordinal));
        Assert.False(plan.Any(SortsEveryRow), message);
    }

    [SkippableFact]
    public async Task A_stage_ordered_by_a_time_that_may_be_null_is_read_along_its_index_with_nulls_where_sqlite_puts_them()
    {
        var (sql, plan) = await PlanAsync((db, _) => db.ClosureApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Concluded)
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.ProjectId).Take(20).Select(a => (object)a.Id));
        var message = sql + "\n" + string.Join("\n", plan);
        Assert.Contains("\"SubmittedAt\" DESC NULLS LAST", sql, StringComparison.Ordinal); // as SQLite orders NULLs
        Assert.DoesNotContain("\"ProjectId\" DESC NULLS", sql, StringComparison.Ordinal);
        Assert.Contains(plan, s => s.Contains("Index Scan Backward using \"IX_ClosureApplications_Status_SubmittedAt_ProjectId_Round\"", StringComparison.Ordinal)
            || s.Contains("Index Only Scan Backward using \"IX_ClosureApplications_Status_SubmittedAt_ProjectId_Round\"", StringComparison.Ordinal));
        Assert.False(plan.Any(SortsEveryRow), message);
    }
}
