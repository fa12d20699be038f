using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Hardening;
using BaZhouTalent.IntegrationTests.Notices;
using BaZhouTalent.IntegrationTests.Programme;
using BaZhouTalent.IntegrationTests.Queues;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using BaZhouTalent.IntegrationTests.Workspace;

namespace BaZhouTalent.IntegrationTests.PostgreSql;

// The suites that touch the database in ways the engines differ on — the review chain, lists and paging, visibility,
// concurrency, double submit and the simultaneous limits, the outbox lease, the reminders, 待办's kept counts, search — run again on PostgreSQL: each
// class below inherits every test of its SQLite original and only swaps the portal's database. (The start-up lock and
// two instances are in TwoInstancesTests; backup and restore in BackupRestoreTests, on both engines.)
// Without PostgreSQL on the machine these are skipped with the reason; .ci/run makes that a failure.

public sealed class PostgreSqlPortal : PortalFactory
{
    public PostgreSqlPortal() => Provider = DatabaseProvider.PostgreSql;
}

public sealed class ClockedPostgreSqlPortal : ClockedPortal
{
    public ClockedPostgreSqlPortal() => Provider = DatabaseProvider.PostgreSql;
}

/// <summary>The gated portal of the simultaneous limits on PostgreSQL, where only the application's row lock keeps them
/// (SQLite's writers queue anyway: there the limits would hold without it).</summary>
public sealed class GatedPostgreSqlPortal : SimultaneousLimitsTests.GatedPortal
{
    public GatedPostgreSqlPortal() => Provider = DatabaseProvider.PostgreSql;
}

public sealed class SimultaneousLimitsOnPostgreSqlTests(GatedPostgreSqlPortal portal)
    : SimultaneousLimitsTests(PostgreSqlServer.Checked(portal)), IClassFixture<GatedPostgreSqlPortal>;

/// <summary>自建库查重 on PostgreSQL: its bulk INSERT of literals and its array-parameter lookups.</summary>
public sealed class ReuseScenarioOnPostgreSql : Reuse.ReuseScenario
{
    public ReuseScenarioOnPostgreSql() => Provider = DatabaseProvider.PostgreSql;
}

public sealed class ReuseCheckOnPostgreSqlTests(ReuseScenarioOnPostgreSql portal)
    : Reuse.ReuseCheckTests(PostgreSqlServer.Checked(portal)), IClassFixture<ReuseScenarioOnPostgreSql>;

public sealed class ReviewChainOnPostgreSqlTests(PostgreSqlPortal portal)
    : ReviewChainTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class VisibilityOnPostgreSqlTests(PostgreSqlPortal portal)
    : VisibilityTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class QueueListOnPostgreSqlTests(PostgreSqlPortal portal)
    : QueueListTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class QueueCountOnPostgreSqlTests(PostgreSqlPortal portal)
    : QueueCountTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class UserListOnPostgreSqlTests(PostgreSqlPortal portal)
    : UserListTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class SearchIndexOnPostgreSqlTests(PostgreSqlPortal portal)
    : SearchIndexTestsBase(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class ProgrammeListOnPostgreSqlTests(PostgreSqlPortal portal)
    : ProgrammeListTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class DoubleSubmissionOnPostgreSqlTests(PostgreSqlPortal portal)
    : DoubleSubmissionTests(PostgreSqlServer.Checked(portal)), IClassFixture<PostgreSqlPortal>;

public sealed class WorkQueueOnPostgreSqlTests(ClockedPostgreSqlPortal portal)
    : WorkQueueTests(PostgreSqlServer.Checked(portal)), IClassFixture<ClockedPostgreSqlPortal>;

public sealed class OutboxReliabilityOnPostgreSqlTests : OutboxReliabilityTests
{
    protected override DatabaseProvider Provider => PostgreSqlServer.Checked(DatabaseProvider.PostgreSql);
}

public sealed class ReminderOnPostgreSqlTests : ReminderTests
{
    protected override DatabaseProvider Provider => PostgreSqlServer.Checked(DatabaseProvider.PostgreSql);
}

/// <summary>The demo programme seeded on PostgreSQL: every state, a second start adding nothing, blind review on the experts' pages.</summary>
public sealed class DemoProgrammePostgreSqlPortal : Foundation.DemoProgrammePortal
{
    public DemoProgrammePostgreSqlPortal() => Provider = DatabaseProvider.PostgreSql;
}

public sealed class DemoProgrammeOnPostgreSqlTests(DemoProgrammePostgreSqlPortal portal)
    : Foundation.DemoProgrammeTests(PostgreSqlServer.Checked(portal)), IClassFixture<DemoProgrammePostgreSqlPortal>;

/// <summary>The streamed Excel export on PostgreSQL: its reader held open while the rows go out.</summary>
public sealed class HeldExportPostgreSqlPortal : ExportStreamingTests.HeldExportPortal
{
    public HeldExportPostgreSqlPortal() => Provider = DatabaseProvider.PostgreSql;
}

public sealed class ExportStreamingOnPostgreSqlTests(HeldExportPostgreSqlPortal portal)
    : ExportStreamingTests(PostgreSqlServer.Checked(portal)), IClassFixture<HeldExportPostgreSqlPortal>;

/// <summary>A year's 归档 prepared in the background on PostgreSQL: the filtered unique index under simultaneous starts, the
/// claim, the lease and the progress updates, the files in the database store.</summary>
public sealed class YearArchivePostgreSqlPortal : Desk.YearArchiveJobTests.Portal
{
    public YearArchivePostgreSqlPortal() => Provider = DatabaseProvider.PostgreSql;
}

public sealed class YearArchiveJobOnPostgreSqlTests(YearArchivePostgreSqlPortal portal)
    : Desk.YearArchiveJobTests(PostgreSqlServer.Checked(portal)), IClassFixture<YearArchivePostgreSqlPortal>;
