using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaZhouTalent.Infrastructure.Data.Configurations;

internal sealed class ReviewOpinionConfiguration : IEntityTypeConfiguration<ReviewOpinion>
{
    public void Configure(EntityTypeBuilder<ReviewOpinion> opinion)
    {
        opinion.Property(o => o.Stage).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        opinion.Property(o => o.Grade).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        opinion.Property(o => o.OpinionText).HasMaxLength(4000);
        opinion.Property(o => o.SignerUserId).HasMaxLength(FieldLengths.UserId);
        opinion.Property(o => o.SignerName).HasMaxLength(FieldLengths.PersonName);
        opinion.Property(o => o.SignerPost).HasMaxLength(FieldLengths.PersonName);
        opinion.Property(o => o.SignerUnit).HasMaxLength(FieldLengths.UnitName);
        opinion.Property(o => o.ContentFingerprint).HasMaxLength(FieldLengths.Fingerprint);
        opinion.Property(o => o.VerificationCode).HasMaxLength(FieldLengths.Code);
        opinion.HasIndex(o => o.VerificationCode);
        // Carries who signed and when, so the expert's 待办 (“appraised by me?”, “last appraisal when?”) reads the index alone.
        opinion.HasIndex(o => new { o.ApplicationId, o.Round, o.Stage, o.SignerUserId, o.SignedAt });
        // A signer's own opinions by stage: the chief's items to combine start from the few the expert has appraised.
        opinion.HasIndex(o => new { o.SignerUserId, o.Stage, o.ApplicationId });
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> assignment)
    {
        assignment.Property(a => a.ExpertUserId).HasMaxLength(FieldLengths.UserId);
        assignment.Property(a => a.AssignedByUserId).HasMaxLength(FieldLengths.UserId);
        assignment.HasIndex(a => new { a.ApplicationId, a.Round, a.ExpertUserId }).IsUnique();
        // An expert's open assignments (ClosedAt null) and the applications they lead to, read from the index alone:
        // where an expert's review list starts, its page by submission in order (ListReviewQueue) …
        assignment.HasIndex(a => new { a.ExpertUserId, a.ClosedAt, a.SubmittedAt, a.ApplicationId, a.Round });
        // … and, in waiting order, their 待办 (twenty rows read, however many appraisals the expert has open).
        assignment.HasIndex(a => new { a.ExpertUserId, a.ClosedAt, a.AwaitingSince, a.ApplicationId, a.Round });
        // The 待办 compares that time plainly (a range of the index): an open assignment without it would be in no group.
        assignment.ToTable(t => t.HasCheckConstraint("CK_ExpertAssignments_OpenHasTime",
            $"\"{nameof(ExpertAssignment.ClosedAt)}\" IS NOT NULL OR \"{nameof(ExpertAssignment.AwaitingSince)}\" IS NOT NULL"));
    }
}

internal sealed class ApplicationRevisionConfiguration : IEntityTypeConfiguration<ApplicationRevision>
{
    public void Configure(EntityTypeBuilder<ApplicationRevision> revision)
    {
        revision.Property(r => r.SubmittedByUserId).HasMaxLength(FieldLengths.UserId);
        revision.Property(r => r.Fingerprint).HasMaxLength(FieldLengths.Fingerprint);
        revision.HasIndex(r => new { r.ApplicationId, r.Round }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Action).HasMaxLength(FieldLengths.ShortName);
        entry.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        entry.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(FieldLengths.Enum);
        entry.Property(e => e.ActorUserId).HasMaxLength(FieldLengths.UserId);
        entry.Property(e => e.ActorName).HasMaxLength(FieldLengths.PersonName);
        entry.Property(e => e.Note).HasMaxLength(4000);
        entry.HasIndex(e => new { e.ApplicationId, e.At });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(FieldLengths.PersonName);
        user.Property(u => u.RealName).HasMaxLength(FieldLengths.PersonName);
        user.Property(u => u.Post).HasMaxLength(FieldLengths.PersonName);
        user.Property(u => u.SessionId).HasMaxLength(FieldLengths.Code);
        // A JSON list in one column on every provider: read and written only with the account.
        user.PrimitiveCollection(u => u.PreviousPasswordHashes).HasMaxLength(4000);
        // Plain SQL SQLite and SQL Server read alike (PostgreSQL has its own, see PostgreSqlAppDbContext); never stored, only indexed.
        user.Property<string>(AppUser.SortName).HasMaxLength(FieldLengths.PersonName)
            .HasComputedColumnSql("CASE WHEN RealName <> '' THEN RealName ELSE DisplayName END", stored: false);
        user.HasIndex(AppUser.SortName, nameof(AppUser.NormalizedUserName));
        user.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne(u => u.Region).WithMany().HasForeignKey(u => u.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
