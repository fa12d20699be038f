using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class AnnouncementObjectionConfiguration : IEntityTypeConfiguration<AnnouncementObjection>
{
    public void Configure(EntityTypeBuilder<AnnouncementObjection> objection)
    {
        objection.HasIndex(o => new { o.ApplicationId, o.Outcome });
        objection.Property(o => o.CertificateNumber).HasMaxLength(FieldLengths.Code);
        objection.Property(o => o.Content).HasMaxLength(FieldLengths.LongText);
        objection.Property(o => o.RecordedByName).HasMaxLength(FieldLengths.PersonName);
        objection.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        objection.Property(o => o.OutcomeNote).HasMaxLength(FieldLengths.LongText);
        objection.Property(o => o.DecidedByName).HasMaxLength(FieldLengths.PersonName);
        objection.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
    }
}

internal sealed class KeptDocumentConfiguration : IEntityTypeConfiguration<KeptDocument>
{
    public void Configure(EntityTypeBuilder<KeptDocument> document)
    {
        // One kept copy of each document per application: made once, read back ever after.
        document.HasIndex(d => new { d.ApplicationId, d.Kind }).IsUnique();
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        document.Property(d => d.StorageKey).HasMaxLength(FieldLengths.Code);
        document.Property(d => d.Sha256).HasMaxLength(FieldLengths.Fingerprint);
    }
}
