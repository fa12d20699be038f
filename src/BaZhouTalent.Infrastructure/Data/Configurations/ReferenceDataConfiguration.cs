using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.Property(r => r.Name).HasMaxLength(FieldLengths.ShortName);
        region.Property(r => r.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        region.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Name).HasMaxLength(FieldLengths.UnitName);
        unit.HasIndex(u => u.Name).IsUnique();
        unit.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectCategoryConfiguration : IEntityTypeConfiguration<ProjectCategory>
{
    public void Configure(EntityTypeBuilder<ProjectCategory> category)
    {
        category.Property(c => c.Code).HasMaxLength(8);
        category.Property(c => c.Name).HasMaxLength(FieldLengths.ShortName);
        category.HasIndex(c => c.Code).IsUnique();
        category.HasIndex(c => c.Name).IsUnique();
    }
}
