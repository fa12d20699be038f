using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using BaZhouTalent.Infrastructure.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// The one context of the portal, Identity included. Each provider has a subclass of its own so that
/// its migrations live apart (EF's “migrations with multiple providers”).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ProjectCategory> ProjectCategories => Set<ProjectCategory>();
    public DbSet<FundedProject> FundedProjects => Set<FundedProject>();
    public DbSet<ClosureApplication> ClosureApplications => Set<ClosureApplication>();
    public DbSet<ReviewOpinion> ReviewOpinions => Set<ReviewOpinion>();
    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();
    public DbSet<ApplicationRevision> ApplicationRevisions => Set<ApplicationRevision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ExpertProfile> ExpertProfiles => Set<ExpertProfile>();
    public DbSet<ProjectRequest> ProjectRequests => Set<ProjectRequest>();
    public DbSet<ProjectCorrection> ProjectCorrections => Set<ProjectCorrection>();
    public DbSet<ClosureAnnouncement> ClosureAnnouncements => Set<ClosureAnnouncement>();
    public DbSet<AnnouncementObjection> AnnouncementObjections => Set<AnnouncementObjection>();
    public DbSet<ArchivedDocument> ArchivedDocuments => Set<ArchivedDocument>();
    public DbSet<ClosureWindow> ClosureWindows => Set<ClosureWindow>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ImportedReport> ImportedReports => Set<ImportedReport>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<ReminderRecord> ReminderRecords => Set<ReminderRecord>();
    public DbSet<ReuseDocument> ReuseDocuments => Set<ReuseDocument>();
    public DbSet<ReuseFingerprint> ReuseFingerprints => Set<ReuseFingerprint>();
    public DbSet<ReuseCheck> ReuseChecks => Set<ReuseCheck>();
    public DbSet<ReuseSource> ReuseSources => Set<ReuseSource>();
    public DbSet<ReusePassage> ReusePassages => Set<ReusePassage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<SecurityAuditHead> SecurityAuditHeads => Set<SecurityAuditHead>();

    public DbSet<DataStamp> DataStamps => Set<DataStamp>();

    /// <summary>How often this context has moved the data-change stamp (<see cref="DatabaseDataVersion"/> reads it again then).</summary>
    internal int StampsMoved { get; private set; }

    internal void StampMoved() => StampsMoved++;
    public DbSet<Files.StoredBlob> StoredBlobs => Set<Files.StoredBlob>();
    public DbSet<BackupRun> BackupRuns => Set<BackupRun>();
    public DbSet<YearArchiveJob> YearArchiveJobs => Set<YearArchiveJob>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A fresh stamp on every change makes a second writer holding the old stamp fail instead of overwrite.
        // The report is a row of its own: a changed report counts as a change of its application.
        foreach (var entry in ChangeTracker.Entries<ClosureApplication>())
        {
            if (entry.State == EntityState.Modified || entry.Reference(a => a.Report).TargetEntry?.State == EntityState.Modified)
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
        }
        // Always in a transaction, even for one statement, so the data-change stamp commits with it (DataStampWriter).
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        try
        {
            return ChangeTracker.Entries<SecurityEvent>().Any(e => e.State == EntityState.Added)
                ? await SecurityAuditChain.SaveAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            throw new DuplicateRowException(e);
        }
    }

    /// <summary>Only the asynchronous save chains security records; nothing in the portal saves synchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries<SecurityEvent>().Any(e => e.State == EntityState.Added))
            throw new InvalidOperationException("Security events are saved with SaveChangesAsync, which chains them.");
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public void DiscardChanges() => ChangeTracker.Clear();

    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        // Inside a transaction already (the demo programme's start-up seeding), the work joins it, as the audit chain does.
        Database.CurrentTransaction is not null ? work(cancellationToken) : Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    public async Task LockExpertsAsync(IEnumerable<string> expertUserIds, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is null)
            throw new InvalidOperationException("The experts' lock is held by a transaction: take it inside InTransactionAsync.");
        // An UPDATE that writes Identity's stamp back unchanged: the row's write lock (the database's on SQLite) without
        // changing the account, so a page editing it meanwhile is not told it went stale.
        foreach (var id in expertUserIds.Distinct().Order(StringComparer.Ordinal))
            await Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), cancellationToken);
    }

    public async Task LockApplicationAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is null)
            throw new InvalidOperationException("The application's lock is held by a transaction: take it inside InTransactionAsync.");
        await ClosureApplications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(
            a => EF.Property<long>(a, ClosureApplicationConfiguration.LockCounter),
            a => EF.Property<long>(a, ClosureApplicationConfiguration.LockCounter) + 1), cancellationToken);
    }
}
