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

    /// <summary>
    /// After five runs of a prepared statement PostgreSQL may keep one generic plan for any parameter values: made for an
    /// average recipient, it fetched and sorted all of the federation's unread notices for a page of twenty. Under a
    /// generic plan (forced here) the unread page (newest first, ties by id, as the page orders) is still read along the
    /// partial index of the unread.
    /// </summary>
    [SkippableFact]
    public async Task The_unread_notices_page_under_a_generic_plan_is_read_along_the_unread_index_not_sorted()
    {
        var plan = await portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var recipient = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 400; i++)
                db.Notices.Add(new Notice { RecipientUserId = recipient, Title = $"通知{i}", CreatedAt = now.AddMinutes(-i), ReadAt = i % 2 == 0 ? now : null });
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Notices\"; SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan");

            var skip = 20;
            var take = 20;
            var page = db.Notices.AsNoTracking().Where(n => n.RecipientUserId == recipient && n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(skip).Take(take)
                .Select(n => new { n.Id, n.Title, n.Body, n.Link, n.CreatedAt, Read = n.ReadAt != null }); // the page's row
            await using var command = page.CreateDbCommand();
            // PREPARE takes $1, $2 …; the values go to EXECUTE as literals (the recipient's id is a GUID).
            var sql = command.CommandText;
            var parameters = command.Parameters.Cast<DbParameter>().ToList();
            foreach (var (parameter, index) in parameters.Select((p, i) => (p, i)).OrderByDescending(p => p.p.ParameterName.Length))
                sql = sql.Replace("@" + parameter.ParameterName.TrimStart('@'), "$" + (index + 1), StringComparison.Ordinal);
            var values = string.Join(", ", parameters.Select(p => p.Value is string text ? $"'{text.Replace("'", "''", StringComparison.Ordinal)}'" : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
            await using var prepare = db.Database.GetDbConnection().CreateCommand();
            prepare.CommandText = "PREPARE unread_page AS " + sql;
            await prepare.ExecuteNonQueryAsync();
            await using var explain = db.Database.GetDbConnection().CreateCommand();
            explain.CommandText = $"EXPLAIN EXECUTE unread_page({values})";
            var steps = new List<string> { sql };
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(0).Trim());
            return steps;
        });
        var message = string.Join("\n", plan);
        Assert.Contains(plan, s => s.Contains("$1", StringComparison.Ordinal)); // the statement was prepared with parameters
        Assert.Contains(plan, s => s.Contains("Scan using \"IX_Notices_Unread\"", StringComparison.Ordinal));
        Assert.False(plan.Any(SortsEveryRow), message);
    }
}
