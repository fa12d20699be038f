using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class FundedProjectConfiguration : IEntityTypeConfiguration<FundedProject>
{
    public void Configure(EntityTypeBuilder<FundedProject> project)
    {
        project.Property(p => p.Code).HasMaxLength(20);
        project.HasIndex(p => p.Code).IsUnique();
        project.Property(p => p.Title).HasMaxLength(FieldLengths.Title);
        project.Property(p => p.PlannedOutputForm).HasMaxLength(FieldLengths.ShortName);
        project.Property(p => p.LeaderUserId).HasMaxLength(FieldLengths.UserId);
        // A researcher's own active projects (待办, 我的项目): both columns, so SQLite, which keeps no statistics, does not
        // prefer the lifecycle index and walk every active project.
        project.HasIndex(p => new { p.LeaderUserId, p.Lifecycle });
        project.HasIndex(p => new { p.Year, p.Code });
        // The registers' default order (newest year first, then as registered): a page reads 20 entries, not a year's rows.
        project.HasIndex(p => new { p.Year, p.Id }).IsDescending(true, false);
        // The same order within a unit: its reviewers' 结项管理 reads a page, not the unit's every project sorted.
        project.HasIndex(p => new { p.UnitId, p.Year, p.Id }).IsDescending(false, true, false);
        project.HasIndex(p => p.PlannedCompletion);
        // 结项管理 and 项目登记 sorted by 项目名称 read their page along this index instead of sorting every project.
        project.HasIndex(p => new { p.Title, p.Id });
        project.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<AppUser>().WithMany().HasForeignKey(p => p.LeaderUserId).OnDelete(DeleteBehavior.SetNull);
        project.OwnsOne(p => p.OriginalLeader, PeopleMapping.MapLeader);
        project.Navigation(p => p.OriginalLeader).IsRequired();
        project.Property(p => p.Lifecycle).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        project.HasIndex(p => p.Lifecycle);
        project.Property(p => p.TerminationGround).HasMaxLength(FieldLengths.ShortName);
        project.Property(p => p.TerminationReason).HasMaxLength(1000);
        project.Property(p => p.TerminatedByName).HasMaxLength(FieldLengths.PersonName);
        project.OwnsMany(p => p.OriginalParticipants, p => PeopleMapping.MapParticipants(p, "FundedProjectParticipants"));
        project.Property(p => p.RegisterStamp).IsConcurrencyToken();
        project.HasMany(p => p.Corrections).WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectCorrectionConfiguration : IEntityTypeConfiguration<ProjectCorrection>
{
    public void Configure(EntityTypeBuilder<ProjectCorrection> correction)
    {
        correction.HasIndex(c => new { c.ProjectId, c.At });
        correction.Property(c => c.ByUserId).HasMaxLength(FieldLengths.UserId);
        correction.Property(c => c.ByName).HasMaxLength(FieldLengths.PersonName);
        correction.Property(c => c.Reason).HasMaxLength(FieldLengths.LongText);
        correction.Property(c => c.Changes).HasMaxLength(4000);
        correction.Property(c => c.ImportedFrom).HasMaxLength(FieldLengths.Title);
    }
}
