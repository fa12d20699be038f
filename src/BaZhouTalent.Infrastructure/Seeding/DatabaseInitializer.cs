using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Seeding;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Seeding;

/// <summary>
/// Brings the database to the current model and fills what every installation needs; in Development
/// also the demo units, accounts and the reference project. Every step checks before it adds, so
/// starting twice changes nothing.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<SeedingOptions> seedingOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DatabaseInitializer> log,
    IServiceProvider services,
    SqliteDatabaseFile? sqliteFile = null)
{
    // The PostgreSQL advisory lock that instances starting together take in turn (0x42615a686f75 spells "BaZhou").
    private const string PostgreSqlLock = "SELECT pg_advisory_lock(72985896054645)";
    private const string PostgreSqlUnlock = "SELECT pg_advisory_unlock(72985896054645)";
    private const string SqlServerLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = 'BaZhouTalent.Seeding', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 300000;
        IF @granted < 0 THROW 51000, 'Another instance held the start-up lock for longer than the wait allows.', 1;
        """;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        sqliteFile?.PrepareForStart(mayCreate: MayCreate);
        // Another instance may hold the database's write lock through its migrations and seeding; on a busy
        // host that outlasts the default 30 s a command waits for it.
        db.Database.SetCommandTimeout(StartupLockWait);
        // SQLite's BEGIN IMMEDIATE waits for the write lock by the connection's own timeout (30 s by default), not the
        // command timeout: on a busy host the second instance gave up with "database is locked" while the first seeded.
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            sqlite.DefaultTimeout = (int)StartupLockWait.TotalSeconds;
        // PostgreSQL: one instance at a time migrates and seeds, under a session lock held on this open connection; the
        // second waits for it (up to StartupLockWait, then fails to start) and then finds every migration and row in place.
        var postgreSql = db.Database.IsNpgsql();
        if (postgreSql)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(PostgreSqlLock, cancellationToken);
        }
        try
        {
            await RefuseAnEmptyDatabaseUnlessAskedAsync(cancellationToken);
            if ((databaseOptions.Value.MigrateOnStartup || db.Database.IsSqlite()) && await HasPendingMigrationsAsync(cancellationToken))
                await db.Database.MigrateAsync(cancellationToken);
            // Before seeding, so the search triggers see the rows it adds (a new index is filled from existing rows).
            await SearchIndexes.EnsureAsync(db, log, cancellationToken);

            // Instances starting together on a new database (a load-balanced deployment) seed one at a time: each
            // seeds inside a transaction that holds the database's write lock (SQLite's BEGIN IMMEDIATE, SQL
            // Server's application lock, whose result is checked), so the second waits, then finds every row and adds
            // nothing. EF's own migration lock already does the same for the migrations above.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (db.Database.IsSqlServer())
                    await db.Database.ExecuteSqlRawAsync(SqlServerLock, cancellationToken);
                await SeedAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        finally
        {
            if (postgreSql)
            {
                await db.Database.ExecuteSqlRawAsync(PostgreSqlUnlock, CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Whether a migration of this build is missing from the database's history, read from __EFMigrationsHistory and the
    /// migration classes' attributes. MigrateAsync answers the same but first builds the last migration's model and
    /// compares it with the context's (about a second of CPU on every start); it runs only when there is work, and
    /// under its own lock, so instances starting together on a new database still migrate one at a time.
    /// </summary>
    private async Task<bool> HasPendingMigrationsAsync(CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Any(m => !applied.Contains(m));
    }

    /// <summary>How long a starting instance waits for another one's migrations and seeding (SqlServerLock's timeout too).</summary>
    public static readonly TimeSpan StartupLockWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Outside Development a missing or empty database is an unmounted volume or a wrong connection string far more
    /// often than a first start: the portal creates one only when <see cref="DatabaseOptions.FirstTimeSetup"/> asks.
    /// </summary>
    private bool MayCreate => environment.IsDevelopment() || databaseOptions.Value.FirstTimeSetup;

    private async Task RefuseAnEmptyDatabaseUnlessAskedAsync(CancellationToken cancellationToken)
    {
        if (MayCreate || db.Database.IsSqlite()) return; // SQLite's file was checked by PrepareForStart
        if (!await db.Database.CanConnectAsync(cancellationToken) || !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            throw new DatabaseFileException(
                "The database is missing or empty. For a first start set Database:FirstTimeSetup=true; otherwise check the connection string and restore from a backup.");
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedReferenceDataAsync(cancellationToken);
        await SeedRolesAsync();
        if (seedingOptions.Value.DemoData)
        {
            await SeedDemoUnitsAsync(DemoData.Units, cancellationToken);
            await SeedDemoAccountsAsync(DemoData.Accounts);
            await SeedReferenceProjectAsync(cancellationToken);
            if (seedingOptions.Value.DemoProgramme && await DemoProgrammeSeeder.IsWantedAsync(db, cancellationToken))
            {
                await SeedDemoUnitsAsync(DemoProgramme.Units, cancellationToken);
                await SeedDemoAccountsAsync(DemoProgramme.Accounts);
                await new DemoProgrammeSeeder(services, db, log).SeedAsync(cancellationToken);
            }
        }
        else if (!string.IsNullOrEmpty(seedingOptions.Value.InitialAdminPassword))
        {
            await SeedInitialAdminAsync(seedingOptions.Value.InitialAdminPassword);
        }
    }

    private async Task SeedInitialAdminAsync(string password)
    {
        if ((await users.GetUsersInRoleAsync(Roles.MunicipalFederation)).Count > 0) return;
        var admin = new AppUser { UserName = "admin", DisplayName = "市社科联管理员", MustChangePassword = true };
        EnsureSucceeded(await users.CreateAsync(admin, password), "the initial admin");
        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.MunicipalFederation), "the initial admin's role");
        log.LogInformation("Created the initial admin account; its password must be changed at first sign-in");
    }

    private async Task SeedReferenceDataAsync(CancellationToken cancellationToken)
    {
        var regionNames = await db.Regions.Select(r => r.Name).ToListAsync(cancellationToken);
        db.Regions.AddRange(ReferenceData.Regions.Where(r => !regionNames.Contains(r.Name))
            .Select(r => new Region { Name = r.Name, Kind = r.Kind, SortOrder = r.SortOrder }));
        var categoryCodes = await db.ProjectCategories.Select(c => c.Code).ToListAsync(cancellationToken);
        db.ProjectCategories.AddRange(ReferenceData.Categories.Where(c => !categoryCodes.Contains(c.Code))
            .Select(c => new ProjectCategory { Code = c.Code, Name = c.Name, SortOrder = c.SortOrder }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
        }
    }

    private async Task SeedDemoUnitsAsync(IEnumerable<(string Unit, string Region)> units, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.ToDictionaryAsync(r => r.Name, cancellationToken);
        var unitNames = await db.Units.Select(u => u.Name).ToListAsync(cancellationToken);
        db.Units.AddRange(units.Where(u => !unitNames.Contains(u.Unit))
            .Select(u => new Unit { Name = u.Unit, RegionId = regions[u.Region].Id }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedDemoAccountsAsync(IEnumerable<DemoData.Account> accounts)
    {
        foreach (var account in accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is { } existing)
            {
                // Demo databases made before accounts carried a real name and post get them once.
                if (existing.RealName.Length == 0 && account.RealName.Length > 0)
                {
                    existing.RealName = account.RealName;
                    existing.Post = account.Post;
                    EnsureSucceeded(await users.UpdateAsync(existing), $"user {account.UserName}");
                }
                continue;
            }
            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                RealName = account.RealName,
                Post = account.Post,
                UnitId = account.Unit is null ? null : (await db.Units.SingleAsync(u => u.Name == account.Unit)).Id,
                RegionId = account.Region is null ? null : (await db.Regions.SingleAsync(r => r.Name == account.Region)).Id,
                // Demo accounts keep the published password; staff-created accounts must change theirs.
                MustChangePassword = false,
            };
            EnsureSucceeded(await users.CreateAsync(user, seedingOptions.Value.DemoPassword), $"user {account.UserName}");
            EnsureSucceeded(await users.AddToRoleAsync(user, account.Role), $"role of {account.UserName}");
        }
    }

    private async Task SeedReferenceProjectAsync(CancellationToken cancellationToken)
    {
        var seed = ReferenceSeedParser.Parse(await File.ReadAllTextAsync(ReferenceFilePath(), cancellationToken));
        if (await db.FundedProjects.AnyAsync(p => p.Code == seed.ProjectCode, cancellationToken)) return;

        var category = await db.ProjectCategories.SingleAsync(c => c.Name == seed.Category, cancellationToken);
        var unit = await db.Units.SingleAsync(u => u.Name == seed.UnitName, cancellationToken);
        var leader = await users.FindByNameAsync(DemoData.ReferenceLeader);
        var project = ReferenceProjectMapper.ToFundedProject(seed, category, unit, leader?.Id);
        var application = ReferenceProjectMapper.ToDraftApplication(seed, project, clock.GetUtcNow());
        db.FundedProjects.Add(project);
        db.ClosureApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Seeded reference project {ProjectCode} with a draft closure application", seed.ProjectCode);
    }

    private string ReferenceFilePath()
    {
        var configured = seedingOptions.Value.ReferenceFile;
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, configured),
            Path.Combine(AppContext.BaseDirectory, configured),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Reference application not found: {string.Join(", ", candidates)}");
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
    }
}
