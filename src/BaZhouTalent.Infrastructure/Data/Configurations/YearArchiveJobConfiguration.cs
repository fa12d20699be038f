using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class YearArchiveJobConfiguration : IEntityTypeConfiguration<YearArchiveJob>
{
    public void Configure(EntityTypeBuilder<YearArchiveJob> job)
    {
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        job.Property(j => j.RequestedByUserId).HasMaxLength(FieldLengths.UserId);
        job.Property(j => j.RequestedByName).HasMaxLength(FieldLengths.PersonName);
        job.Property(j => j.FileName).HasMaxLength(200);
        job.Property(j => j.Sha256).HasMaxLength(FieldLengths.Fingerprint);
        job.Property(j => j.Error).HasMaxLength(FieldLengths.LongText);
        job.Property(j => j.Holder).HasMaxLength(100);
        // One queued or running job per year, held by the database: simultaneous starts make one job. Quoted identifiers
        // and string literals read alike on SQLite, SQL Server and PostgreSQL.
        job.HasIndex(j => j.Year).IsUnique()
            .HasDatabaseName("IX_YearArchiveJobs_OneActivePerYear")
            .HasFilter($"\"{nameof(YearArchiveJob.Status)}\" IN ('{YearArchiveStatus.Queued}', '{YearArchiveStatus.Running}')");
        // The page lists the newest first (by key); the worker looks for queued and expired ones by status.
        job.HasIndex(j => new { j.Status, j.LeaseExpiresAt });
    }
}
