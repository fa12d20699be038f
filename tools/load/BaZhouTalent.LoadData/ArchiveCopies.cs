using BaZhouTalent.Application.Archive;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.LoadData;

/// <summary>
/// The archive PDFs the portal keeps at conclusion (<see cref="ArchivedDocument"/>), for every closed application the
/// generator wrote: the portal renders and keeps one application's set (tools/load/archive.sh downloads its project
/// archive first), and every other closed application gets rows naming that set's stored files — real PDFs of real
/// sizes, read and checked against their SHA-256 by every archive as the portal's own copies are, without writing
/// thousands of copies of the same bytes. The certificate goes only to concluded applications.
/// </summary>
internal static class ArchiveCopies
{
    public static async Task ShareAsync(AppDbContext db, string code)
    {
        var source = await db.ClosureApplications.Where(a => a.Project.Code == code).Select(a => a.Id).SingleAsync();
        var set = await db.ArchivedDocuments.AsNoTracking().Where(d => d.ApplicationId == source).ToListAsync();
        if (set.Count == 0)
            throw new InvalidOperationException($"{code} has no kept archive copies: download its project archive from the portal first.");
        var without = await db.ClosureApplications
            .Where(a => BuildArchive.Closed.Contains(a.Status) && !db.ArchivedDocuments.Any(d => d.ApplicationId == a.Id))
            .Select(a => new { a.Id, a.Status }).ToListAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in without.Chunk(2_000))
        {
            foreach (var application in batch)
            {
                db.ArchivedDocuments.AddRange(set
                    .Where(d => d.Name != BuildArchive.CertificatePdf || application.Status == ApplicationStatus.Concluded)
                    .Select(d => new ArchivedDocument
                    {
                        ApplicationId = application.Id, Name = d.Name, StorageKey = d.StorageKey, Sha256 = d.Sha256, Size = d.Size, MadeAt = d.MadeAt,
                    }));
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"{without.Count} closed applications given {code}'s {set.Count} kept archive copies ({set.Sum(d => d.Size) / 1024} KiB a set)");
    }
}
