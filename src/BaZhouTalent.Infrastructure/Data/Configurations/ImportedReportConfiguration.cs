using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ImportedReportConfiguration : IEntityTypeConfiguration<ImportedReport>
{
    public void Configure(EntityTypeBuilder<ImportedReport> original)
    {
        original.HasOne<ClosureApplication>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        original.Property(f => f.FileName).HasMaxLength(FieldLengths.Title);
        original.Property(f => f.Sha256).HasMaxLength(FieldLengths.Fingerprint);
        original.Property(f => f.StorageKey).HasMaxLength(FieldLengths.Code);
        original.HasIndex(f => f.StorageKey).IsUnique();
        original.Property(f => f.ImportedByUserId).HasMaxLength(FieldLengths.UserId);
        // One kept original and one waiting for confirmation, at most.
        original.HasIndex(f => new { f.ApplicationId, f.Pending }).IsUnique();
    }
}
