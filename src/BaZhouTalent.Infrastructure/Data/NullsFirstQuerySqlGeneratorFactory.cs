using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Query.Internal;

namespace BaZhouTalent.Infrastructure.Data;

#pragma warning disable EF1001 // Npgsql's own SQL generator, extended; public, in an Internal namespace.
/// <summary>
/// PostgreSQL sorts NULLs last in ascending order where SQLite and SQL Server sort them first. So that every list has
/// the same order on every provider, an ordering by a value that may be NULL says NULLS FIRST (ascending) or NULLS
/// LAST (descending) — and nothing else does: a column that cannot be NULL is ordered plainly, so PostgreSQL reads a
/// page along its B-tree index (whose default order is ascending NULLS LAST, descending NULLS FIRST when read backwards)
/// instead of sorting every row. Npgsql's own reversed null ordering writes the clause after every ordering, which no
/// default index matches: 操作日志, 站内通知 and the registers sorted their whole table for each page (docs/benchmarks.md).
/// The indexes over columns that may be NULL are made in the clause's order (<see cref="PostgreSqlAppDbContext"/>).
/// </summary>
internal sealed class NullsFirstQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    INpgsqlSingletonOptions npgsqlOptions) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create() => new Generator(dependencies, typeMappingSource, npgsqlOptions.PostgresVersion);

    private sealed class Generator(QuerySqlGeneratorDependencies dependencies, IRelationalTypeMappingSource typeMappingSource, Version postgresVersion)
        : NpgsqlQuerySqlGenerator(dependencies, typeMappingSource, reverseNullOrderingEnabled: false, postgresVersion)
    {
        protected override Expression VisitOrdering(OrderingExpression ordering)
        {
            var result = base.VisitOrdering(ordering);
            if (MayBeNull(ordering.Expression))
                Sql.Append(ordering.IsAscending ? " NULLS FIRST" : " NULLS LAST");
            return result;
        }

        /// <summary>False only where NULL cannot occur: a column that is not nullable (after outer joins), EXISTS, a constant.</summary>
        private static bool MayBeNull(SqlExpression expression) => expression switch
        {
            ColumnExpression column => column.IsNullable,
            ExistsExpression => false,
            SqlConstantExpression constant => constant.Value is null,
            _ => true,
        };
    }
}
#pragma warning restore EF1001
