using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ProjectRequestConfiguration : IEntityTypeConfiguration<ProjectRequest>
{
    public void Configure(EntityTypeBuilder<ProjectRequest> request)
    {
        request.HasOne(r => r.Project).WithMany(p => p.Requests).HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        // The unit's and the federation's waiting lists read by status: counted along the first, paged in request order
        // along the second (a page reads its twenty requests, not every request of the status sorted).
        request.HasIndex(r => new { r.Status, r.ProjectId });
        request.HasIndex(r => new { r.Status, r.RequestedAt, r.Id });
        request.Property(r => r.RequestedByUserId).HasMaxLength(FieldLengths.UserId);
        request.Property(r => r.RequestedByName).HasMaxLength(FieldLengths.PersonName);
        request.Property(r => r.Reason).HasMaxLength(1000);
        request.Property(r => r.UnitDecidedByName).HasMaxLength(FieldLengths.PersonName);
        request.Property(r => r.UnitOpinion).HasMaxLength(1000);
        request.Property(r => r.FederationDecidedByName).HasMaxLength(FieldLengths.PersonName);
        request.Property(r => r.FederationOpinion).HasMaxLength(1000);
        request.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        request.Property(r => r.ChangeContent).HasMaxLength(8000);
        // One open request of a kind per project, held by the database: simultaneous 申请延期 open exactly one. Quoted
        // identifiers and string literals read alike on SQLite, SQL Server and PostgreSQL.
        request.HasIndex(r => new { r.ProjectId, r.Kind }).IsUnique()
            .HasDatabaseName("IX_ProjectRequests_OneOpenPerKind")
            .HasFilter($"\"{nameof(ProjectRequest.Status)}\" IN ('{ProjectRequestStatus.Requested}', '{ProjectRequestStatus.UnitAgreed}')");
    }
}

internal sealed class ClosureWindowConfiguration : IEntityTypeConfiguration<ClosureWindow>
{
    public void Configure(EntityTypeBuilder<ClosureWindow> window)
    {
        window.HasIndex(w => w.Opens);
        window.Property(w => w.CreatedByName).HasMaxLength(FieldLengths.PersonName);
    }
}
