using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BaZhouTalent.IntegrationTests.PostgreSql;

/// <summary>The portal's PostgreSQL connections keep their frequent statements prepared (planned once per connection).</summary>
public sealed class PreparedStatementsOnPostgreSqlTests(PostgreSqlPortal fixture) : IClassFixture<PostgreSqlPortal>
{
    [SkippableFact]
    public Task A_query_the_portal_runs_again_and_again_is_prepared_on_its_connection() => PostgreSqlServer.Checked(fixture).WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
            Assert.NotEqual(0, await db.FundedProjects.AsNoTracking().Where(p => p.Code == "BZ25YB027").Select(p => p.Id).FirstOrDefaultAsync());

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();

        Assert.Contains(prepared, s => s.Contains("FROM \"FundedProjects\"", StringComparison.Ordinal) && s.Contains("\"Code\" =", StringComparison.Ordinal));
    });

    [Theory]
    [InlineData("Host=db;Database=portal", DatabaseSetup.PreparedStatementsPerConnection)]
    [InlineData("Host=db;Database=portal;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=portal;MaxAutoPrepare=20", 20)]
    public void A_connection_string_that_names_its_own_number_of_prepared_statements_is_followed(string given, int kept) =>
        Assert.Equal(kept, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(given)).MaxAutoPrepare);
}
