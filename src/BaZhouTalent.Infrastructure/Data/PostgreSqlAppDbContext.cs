using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// PostgreSQL and the servers that speak its protocol (KingbaseES, openGauss, HighGo): migrations in
/// Migrations/PostgreSql.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options)
{
    /// <summary>
    /// Every text column compares and sorts by code point, as SQLite's BINARY does: the same order and the same
    /// uniqueness on every provider, whatever locale the server's database was created with. Chinese text then sorts
    /// in Unicode's radical-and-stroke order, not by pinyin (a pinyin collation needs ICU, which not every
    /// PostgreSQL-compatible server ships, and SQLite has none).
    /// </summary>
    public const string TextCollation = "C";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<string>().UseCollation(TextCollation);
        // timestamptz holds an instant: Npgsql refuses an offset other than zero, so every instant is written as UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstant>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstant>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL folds unquoted names to lower case, and computes a generated column only when it is stored.
        builder.Entity<Application.Domain.AppUser>().Property<string>(Application.Domain.AppUser.SortName)
            .HasComputedColumnSql("""CASE WHEN "RealName" <> '' THEN "RealName" ELSE "DisplayName" END""", stored: true);
        // A column that may be NULL is ordered NULLS FIRST ascending, NULLS LAST descending (NullsFirstQuerySqlGeneratorFactory):
        // its indexes hold NULLs in that place, so a page is still read along them instead of sorting every row.
        foreach (var index in builder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredIndexes()).Where(i => i.Properties.Any(p => p.IsNullable)))
        {
            var descending = index.IsDescending;
            index.SetNullSortOrder(index.Properties.Select((p, i) => !p.IsNullable ? NullSortOrder.Unspecified
                : descending is not null && (descending.Count == 0 || descending[i]) ? NullSortOrder.NullsLast : NullSortOrder.NullsFirst).ToArray());
        }
    }

    private sealed class UtcInstant() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
