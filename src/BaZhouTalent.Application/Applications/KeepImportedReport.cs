using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// Keeps the .docx a final report was imported from, for 归档. An import first stages its file (replacing any
/// earlier staged one, so an unanswered import leaves at most one file behind); once the imported text is
/// saved, <see cref="Handler.ConfirmAsync"/> makes the staged file the kept original and deletes the one before.
/// The page calls this only for the leader while the application may be edited.
/// </summary>
public static class KeepImportedReport
{
    /// <summary>The archive's name for the kept original: always a .docx, whatever the upload was called.</summary>
    public static string ArchiveName(ImportedReport original)
    {
        var name = Path.GetFileNameWithoutExtension(UploadAttachment.CleanFileName(original.FileName));
        return (name.Length == 0 ? "最终成果" : name) + ".docx";
    }

    public sealed class Handler(IAppDbContext db, IFileStore store, ICurrentUser currentUser, TimeProvider clock, ILogger<Handler> log)
    {
        public async Task StageAsync(int applicationId, string fileName, byte[] content, CancellationToken cancellationToken = default)
        {
            var earlier = await db.ImportedReports.SingleOrDefaultAsync(f => f.ApplicationId == applicationId && f.Pending, cancellationToken);
            if (earlier is not null)
            {
                db.ImportedReports.Remove(earlier);
                await db.SaveChangesAsync(cancellationToken);
                await store.DeleteAsync(earlier.StorageKey, CancellationToken.None);
            }

            var stored = await store.SaveAsync(content, cancellationToken);
            db.ImportedReports.Add(new ImportedReport
            {
                ApplicationId = applicationId,
                FileName = UploadAttachment.CleanFileName(fileName),
                Size = stored.Length,
                Sha256 = stored.Sha256,
                StorageKey = stored.Key,
                ImportedByUserId = currentUser.UserId ?? "",
                ImportedAt = clock.GetUtcNow(),
                Pending = true,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await store.DeleteAsync(stored.Key, CancellationToken.None);
                throw;
            }
        }

        /// <summary>The imported text was saved: its staged file becomes the kept original. Nothing staged, nothing changes.</summary>
        public async Task ConfirmAsync(int applicationId, CancellationToken cancellationToken = default)
        {
            var files = await db.ImportedReports.Where(f => f.ApplicationId == applicationId).ToListAsync(cancellationToken);
            var staged = files.SingleOrDefault(f => f.Pending);
            if (staged is null) return;
            var replaced = files.SingleOrDefault(f => !f.Pending);
            if (replaced is not null) db.ImportedReports.Remove(replaced);
            staged.Pending = false;
            await db.SaveChangesAsync(cancellationToken);
            if (replaced is not null) await store.DeleteAsync(replaced.StorageKey, CancellationToken.None);
            log.LogInformation("Imported report {Sha256} ({Size} bytes) kept for application {ApplicationId}", staged.Sha256, staged.Size, applicationId);
        }

        /// <summary>The kept original of an application, if its report was ever imported.</summary>
        public Task<ImportedReport?> KeptAsync(int applicationId, CancellationToken cancellationToken = default) =>
            db.ImportedReports.AsNoTracking().SingleOrDefaultAsync(f => f.ApplicationId == applicationId && !f.Pending, cancellationToken);
    }
}
