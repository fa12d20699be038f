using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> profile)
    {
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.UserId).HasMaxLength(FieldLengths.UserId);
        profile.HasOne(p => p.User).WithOne().HasForeignKey<ExpertProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.WorkUnit).HasMaxLength(FieldLengths.UnitName);
        profile.Property(p => p.ProfessionalTitle).HasMaxLength(FieldLengths.ShortName);
        profile.Property(p => p.Fields).HasMaxLength(500);
        profile.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
        profile.Property(p => p.Email).HasMaxLength(FieldLengths.Address);
        profile.Property(p => p.DeclaredConflicts).HasMaxLength(1000);
    }
}
