using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ClosureAnnouncementConfiguration : IEntityTypeConfiguration<ClosureAnnouncement>
{
    public void Configure(EntityTypeBuilder<ClosureAnnouncement> announcement)
    {
        announcement.HasOne<ClosureApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One announcement per application: concluding twice cannot publish twice.
        announcement.HasIndex(a => a.ApplicationId).IsUnique();
        announcement.HasMany(a => a.Objections).WithOne().HasForeignKey(o => o.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnouncementObjectionConfiguration : IEntityTypeConfiguration<AnnouncementObjection>
{
    public void Configure(EntityTypeBuilder<AnnouncementObjection> objection)
    {
        objection.Property(o => o.ObjectorName).HasMaxLength(FieldLengths.UnitName);
        objection.Property(o => o.Content).HasMaxLength(FieldLengths.LongText);
        objection.Property(o => o.RecordedByName).HasMaxLength(FieldLengths.PersonName);
        // A concurrency token: of two simultaneous decisions on one objection, the second updates no row and is refused.
        objection.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(FieldLengths.Enum).IsConcurrencyToken();
        objection.Property(o => o.OutcomeReason).HasMaxLength(FieldLengths.LongText);
        objection.Property(o => o.DecidedByName).HasMaxLength(FieldLengths.PersonName);
    }
}

internal sealed class ArchivedDocumentConfiguration : IEntityTypeConfiguration<ArchivedDocument>
{
    public void Configure(EntityTypeBuilder<ArchivedDocument> document)
    {
        document.HasOne<ClosureApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // Made once: two archive requests making the same copy at once keep one.
        document.HasIndex(d => new { d.ApplicationId, d.Name }).IsUnique();
        document.Property(d => d.Name).HasMaxLength(FieldLengths.ShortName);
        document.Property(d => d.StorageKey).HasMaxLength(FieldLengths.Code);
        document.Property(d => d.Sha256).HasMaxLength(FieldLengths.Fingerprint);
    }
}
