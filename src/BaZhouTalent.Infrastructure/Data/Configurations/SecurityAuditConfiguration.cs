using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> record)
    {
        // The sequence is the chain's own numbering, assigned under the head's lock, never by the database.
        record.HasKey(e => e.Sequence);
        record.Property(e => e.Sequence).ValueGeneratedNever();
        record.Property(e => e.Kind).HasMaxLength(SecurityEvent.KindLength);
        record.Property(e => e.Outcome).HasMaxLength(FieldLengths.Enum);
        record.Property(e => e.Account).HasMaxLength(SecurityEvent.AccountLength);
        record.Property(e => e.AccountName).HasMaxLength(SecurityEvent.NameLength);
        record.Property(e => e.ClientAddress).HasMaxLength(SecurityEvent.AddressLength);
        record.Property(e => e.Target).HasMaxLength(SecurityEvent.TargetLength);
        record.Property(e => e.Detail).HasMaxLength(SecurityEvent.DetailLength);
        record.Property(e => e.PreviousHash).HasMaxLength(SecurityEvent.HashLength);
        record.Property(e => e.Hash).HasMaxLength(SecurityEvent.HashLength);
        // The audit page filters by time (newest first), by account and by event.
        record.HasIndex(e => e.At);
        record.HasIndex(e => new { e.Account, e.At });
        record.HasIndex(e => new { e.Kind, e.At });
    }
}

internal sealed class SecurityAuditHeadConfiguration : IEntityTypeConfiguration<SecurityAuditHead>
{
    public void Configure(EntityTypeBuilder<SecurityAuditHead> head)
    {
        head.Property(h => h.Id).ValueGeneratedNever();
        head.Property(h => h.LastHash).HasMaxLength(SecurityEvent.HashLength);
        head.Property(h => h.ArchivedThroughHash).HasMaxLength(SecurityEvent.HashLength);
        head.HasData(new SecurityAuditHead { Id = SecurityAuditHead.SingletonId });
    }
}
