using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        notice.Property(n => n.Title).HasMaxLength(200);
        notice.Property(n => n.Body).HasMaxLength(2000);
        notice.Property(n => n.Link).HasMaxLength(300);
        // The unread alone, in the unread list's order (newest first, ties by id): the header's count is one range of it
        // and the list reads it page by page. Partial, because PostgreSQL's generic plan for a prepared statement (used
        // after five runs) cannot order by (recipient, read-at, time) for "read-at IS NULL": it fetched and sorted all of
        // a recipient's unread for a page of twenty (4 ms for the federation's 3,549 at 20,000 projects, docs/benchmarks.md).
        // The filter is quoted as all three engines read it (SQL Server with QUOTED_IDENTIFIER, its connections' default).
        notice.HasIndex(n => new { n.RecipientUserId, n.CreatedAt, n.Id }, "IX_Notices_Unread").IsDescending(false, true, false)
            .HasFilter("\"ReadAt\" IS NULL");
        notice.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.IdempotencyKey).HasMaxLength(200);
        message.HasIndex(m => m.IdempotencyKey).IsUnique();
        message.Property(m => m.ToAddress).HasMaxLength(256);
        message.Property(m => m.Subject).HasMaxLength(200);
        message.Property(m => m.Body).HasMaxLength(4000);
        message.Property(m => m.LockedBy).HasMaxLength(100);
        message.Property(m => m.LastError).HasMaxLength(1000);
        // The worker's poll: unsent rows that are due.
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> lease)
    {
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(100);
        lease.Property(l => l.Holder).HasMaxLength(100);
    }
}

internal sealed class ReminderRecordConfiguration : IEntityTypeConfiguration<ReminderRecord>
{
    public void Configure(EntityTypeBuilder<ReminderRecord> reminder)
    {
        reminder.Property(r => r.Key).HasMaxLength(200);
        reminder.HasIndex(r => r.Key).IsUnique();
    }
}

internal sealed class BackupRunConfiguration : IEntityTypeConfiguration<BackupRun>
{
    public void Configure(EntityTypeBuilder<BackupRun> run)
    {
        run.Property(r => r.Trigger).HasMaxLength(20);
        run.Property(r => r.Location).HasMaxLength(500);
        run.Property(r => r.Message).HasMaxLength(2000);
        run.HasIndex(r => r.StartedAt);
    }
}

internal sealed class StoredBlobConfiguration : IEntityTypeConfiguration<Files.StoredBlob>
{
    public void Configure(EntityTypeBuilder<Files.StoredBlob> blob)
    {
        blob.HasKey(b => b.Key);
        blob.Property(b => b.Key).HasMaxLength(32);
    }
}
