using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.HasOne<ClosureApplication>().WithMany(a => a.Attachments).HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        attachment.Property(f => f.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        attachment.Property(f => f.FileName).HasMaxLength(FieldLengths.Title);
        attachment.Property(f => f.ContentType).HasMaxLength(100);
        attachment.Property(f => f.Sha256).HasMaxLength(FieldLengths.Fingerprint);
        attachment.Property(f => f.StorageKey).HasMaxLength(FieldLengths.Code);
        attachment.HasIndex(f => f.StorageKey).IsUnique();
        attachment.Property(f => f.UploadedByUserId).HasMaxLength(FieldLengths.UserId);
        attachment.HasIndex(f => f.ApplicationId);
    }
}
