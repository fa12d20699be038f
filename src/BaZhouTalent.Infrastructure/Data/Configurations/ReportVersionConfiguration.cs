using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> version)
    {
        version.HasOne<ClosureApplication>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        version.Property(v => v.ReplacedBy).HasMaxLength(FieldLengths.ShortName);
        version.HasIndex(v => v.ApplicationId);
    }
}
