using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Support;

/// <summary>The database's plan for a query as the portal sends it: SQLite's EXPLAIN QUERY PLAN steps, or PostgreSQL's
/// EXPLAIN lines with sequential scans made as dear as they can be (a test's few rows would otherwise be read whole).</summary>
internal static class QueryPlans
{
    public static async Task<List<string>> ExplainAsync<T>(DbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        var postgreSql = db.Database.IsNpgsql();
        if (postgreSql) await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (postgreSql ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(postgreSql ? 0 : 3));
        return steps;
    }
}
