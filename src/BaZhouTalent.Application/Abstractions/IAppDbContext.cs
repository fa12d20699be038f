using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Abstractions;

/// <summary>The persistence the use cases need; implemented by the EF context (no repository layer).</summary>
public interface IAppDbContext
{
    DbSet<Region> Regions { get; }
    DbSet<Unit> Units { get; }
    DbSet<ProjectCategory> ProjectCategories { get; }
    DbSet<FundedProject> FundedProjects { get; }
    DbSet<ClosureApplication> ClosureApplications { get; }
    DbSet<ReviewOpinion> ReviewOpinions { get; }
    DbSet<ExpertAssignment> ExpertAssignments { get; }
    DbSet<ApplicationRevision> ApplicationRevisions { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<ReportVersion> ReportVersions { get; }
    DbSet<ExpertProfile> ExpertProfiles { get; }
    DbSet<Attachment> Attachments { get; }
    DbSet<ImportedReport> ImportedReports { get; }
    DbSet<AppUser> Users { get; }
    /// <summary>Identity's account–role join and roles, read by lists (never written here: accounts change through UserManager).</summary>
    DbSet<IdentityUserRole<string>> UserRoles { get; }
    DbSet<IdentityRole> Roles { get; }
    DbSet<ProjectRequest> ProjectRequests { get; }
    DbSet<ProjectCorrection> ProjectCorrections { get; }
    DbSet<ClosureAnnouncement> ClosureAnnouncements { get; }
    DbSet<AnnouncementObjection> AnnouncementObjections { get; }
    DbSet<ArchivedDocument> ArchivedDocuments { get; }
    DbSet<ClosureWindow> ClosureWindows { get; }
    DbSet<Notice> Notices { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<JobLease> JobLeases { get; }
    DbSet<ReminderRecord> ReminderRecords { get; }
    DbSet<ReuseDocument> ReuseDocuments { get; }
    DbSet<ReuseFingerprint> ReuseFingerprints { get; }
    DbSet<ReuseCheck> ReuseChecks { get; }
    DbSet<ReuseSource> ReuseSources { get; }
    DbSet<ReusePassage> ReusePassages { get; }
    DbSet<BackupRun> BackupRuns { get; }
    DbSet<YearArchiveJob> YearArchiveJobs { get; }
    /// <summary>The security audit: only ever added to (see <see cref="SecurityEvent"/>); the save chains each new record.</summary>
    DbSet<SecurityEvent> SecurityEvents { get; }
    DbSet<SecurityAuditHead> SecurityAuditHeads { get; }

    /// <summary>Saves; a unique-index refusal comes out as <see cref="DuplicateRowException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every tracked change, so a use case can start over after a refused save.</summary>
    void DiscardChanges();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns (and retried whole where the provider
    /// retries transient failures, so the work must be repeatable).
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inside <see cref="InTransactionAsync{T}"/>: takes the application's write lock until the transaction ends (an
    /// UPDATE of its lock counter), so writers of its attachments pass one at a time and each counts what the others
    /// committed. A row lock on SQL Server and PostgreSQL, the database's write lock on SQLite.
    /// </summary>
    Task LockApplicationAsync(int applicationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inside <see cref="InTransactionAsync{T}"/>: takes the write lock of each expert's account until the transaction
    /// ends, one at a time in a fixed order (so two transactions locking the same experts cannot deadlock), so that
    /// assignments capped by the experts' open load pass one at a time and each counts what the others committed.
    /// </summary>
    Task LockExpertsAsync(IEnumerable<string> expertUserIds, CancellationToken cancellationToken = default);
}
