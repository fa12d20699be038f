using BaZhouTalent.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.IntegrationTests.Foundation;

public class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteAppDbContext.");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqlServerAppDbContext.");
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for PostgreSqlAppDbContext.");
    }

    [SkippableFact]
    public async Task PostgreSql_migrations_apply_to_an_empty_database_with_the_stamp_row_in_place()
    {
        var database = Support.PostgreSqlServer.Require().CreateDatabase();
        try
        {
            await using var db = database.Open();
            await db.Database.MigrateAsync();

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Users.CountAsync());
            Assert.Equal(0L, Assert.Single(await db.DataStamps.Select(s => s.Version).ToListAsync()));
        }
        finally
        {
            database.Drop();
        }
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bazhoutalent-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={path}", DatabaseSetup.SqliteOptions).Options;
            await using (var db = new SqliteAppDbContext(options))
            {
                await db.Database.MigrateAsync();

                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                Assert.Equal(0, await db.FundedProjects.CountAsync());
                Assert.Equal(0, await db.ClosureApplications.CountAsync());
                Assert.Equal(0, await db.Users.CountAsync());
                Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
