using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ReuseDocumentConfiguration : IEntityTypeConfiguration<ReuseDocument>
{
    public void Configure(EntityTypeBuilder<ReuseDocument> document)
    {
        document.HasOne<ClosureApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // A round is fingerprinted once: a second indexer (another instance, the command) is refused by this index.
        document.HasIndex(d => new { d.ApplicationId, d.Round }).IsUnique();
    }
}

internal sealed class ReuseFingerprintConfiguration : IEntityTypeConfiguration<ReuseFingerprint>
{
    public void Configure(EntityTypeBuilder<ReuseFingerprint> fingerprint)
    {
        // The key is the lookup: hash first, and the document and position in the same index, so a check never reads the table.
        fingerprint.HasKey(f => new { f.Hash, f.DocumentId, f.Position });
        fingerprint.Property(f => f.Hash).ValueGeneratedNever();
    }
}

internal sealed class ReuseCheckConfiguration : IEntityTypeConfiguration<ReuseCheck>
{
    public void Configure(EntityTypeBuilder<ReuseCheck> check)
    {
        check.HasOne<ClosureApplication>().WithMany(a => a.ReuseChecks).HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One result per round; 结项管理 reads the current round's by this index.
        check.HasIndex(c => new { c.ApplicationId, c.Round }).IsUnique();
        // The worker's poll: pending checks that are due.
        check.HasIndex(c => new { c.State, c.NextAttemptAt });
        check.Property(c => c.LockedBy).HasMaxLength(100);
        check.Property(c => c.LastError).HasMaxLength(1000);
        check.HasMany(c => c.Sources).WithOne().HasForeignKey(s => s.CheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReuseSourceConfiguration : IEntityTypeConfiguration<ReuseSource>
{
    public void Configure(EntityTypeBuilder<ReuseSource> source)
    {
        source.HasOne<ClosureApplication>().WithMany().HasForeignKey(s => s.SourceApplicationId).OnDelete(DeleteBehavior.Restrict);
        source.HasMany(s => s.Passages).WithOne().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
