using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>The production engine: SQL Server, migrations in Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    /// <summary>
    /// Text compares and sorts by code point, as on SQLite (BINARY) and PostgreSQL ("C"), instead of the server's
    /// default collation, which ignores case and width: the same uniqueness and order on every provider.
    /// </summary>
    public const string TextCollation = "Chinese_PRC_BIN2";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().UseCollation(TextCollation);
}
