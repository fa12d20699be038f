using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ClosureApplicationConfiguration : IEntityTypeConfiguration<ClosureApplication>
{
    /// <summary>A counter only <see cref="AppDbContext.LockApplicationAsync"/> updates: its UPDATE is the application's write lock.</summary>
    public const string LockCounter = "LockCounter";

    public void Configure(EntityTypeBuilder<ClosureApplication> application)
    {
        application.Property<long>(LockCounter);
        // One application per funded project.
        application.HasIndex(a => a.ProjectId).IsUnique();
        application.HasOne(a => a.Project).WithOne(p => p.Application)
            .HasForeignKey<ClosureApplication>(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        application.HasIndex(a => a.Status);
        application.HasIndex(a => a.SubmittedAt);
        // The review queues: one or two statuses, oldest submission first. Each list index carries the project and the
        // round too, so counting a stage (less its terminated projects, or an expert's own for this round) reads the index
        // alone, never the rows.
        application.HasIndex(a => new { a.Status, a.SubmittedAt, a.ProjectId, a.Round });
        // 待办: each stage's items counted and paged by how long they have waited. It carries whether an exemption waits
        // for a decision too, so the federation's groups (its overdue items span two stages, and so are sorted) read no rows.
        application.HasIndex(a => new { a.Status, a.StatusSince, a.ProjectId, a.Round, a.ExemptionRequested, a.ExemptionDecision });
        // A queue sorted by 项目名称 reads its first page along this index, not every application of the stage.
        application.Property(a => a.ProjectTitle).HasMaxLength(FieldLengths.Title);
        application.HasIndex(a => new { a.Status, a.ProjectTitle, a.Id });
        application.Property(a => a.ResultTitle).HasMaxLength(FieldLengths.Title);
        application.Property(a => a.CurrentOutputForm).HasMaxLength(FieldLengths.ShortName);
        application.Property(a => a.CertificateNumber).HasMaxLength(FieldLengths.Code);
        application.HasIndex(a => a.CertificateNumber).IsUnique();
        // 结项公示: a certificate year's page, count and the year list read a range of this index (ListAnnouncement.InYear).
        application.HasIndex(a => new { a.Status, a.CertificateNumber });
        application.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        application.Property(a => a.ExemptionGround).HasMaxLength(FieldLengths.Title);
        application.Property(a => a.ExemptionDescription).HasMaxLength(FieldLengths.LongText);
        application.Property(a => a.ExemptionDecision).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        application.Ignore(a => a.ExemptionPending);
        application.OwnsOne(a => a.CurrentLeader, PeopleMapping.MapLeader);
        application.Navigation(a => a.CurrentLeader).IsRequired();
        // The report lives in its own table (keyed by the application) so that list queries never read through it.
        application.Ignore(a => a.ReportText);
        application.OwnsOne(a => a.Report, report =>
        {
            report.ToTable("ApplicationReports");
            report.WithOwner().HasForeignKey("ApplicationId");
            report.Property<int>("ApplicationId");
            report.HasKey("ApplicationId");
            report.Property(r => r.Text).HasColumnName("Text");
        });
        application.Navigation(a => a.Report).IsRequired();
        application.OwnsMany(a => a.CurrentParticipants, p => PeopleMapping.MapParticipants(p, "ApplicationParticipants"));
        application.HasMany(a => a.Opinions).WithOne().HasForeignKey(o => o.ApplicationId);
        application.HasMany(a => a.ExpertAssignments).WithOne().HasForeignKey(e => e.ApplicationId);
        application.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.ApplicationId);
        application.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ApplicationId);
    }
}
