using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace BaZhouTalent.Infrastructure.Data;

#pragma warning disable EF1001 // Npgsql's own SQL generator, made with its null ordering reversed; public, in an Internal namespace.
/// <summary>
/// PostgreSQL sorts NULLs last in ascending order where SQLite and SQL Server sort them first. Npgsql can reverse that
/// (NULLS FIRST ascending, NULLS LAST descending), but version 10 keeps the option (ReverseNullOrdering) internal; this
/// factory makes Npgsql's generator with it on, so every list has the same order on every provider.
/// </summary>
internal sealed class NullsFirstQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    INpgsqlSingletonOptions npgsqlOptions) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() =>
        new NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: true, npgsqlOptions.PostgresVersion);
}
#pragma warning restore EF1001
