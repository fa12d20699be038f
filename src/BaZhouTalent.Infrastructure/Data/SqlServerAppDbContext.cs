using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>The production engine: SQL Server, migrations in Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
