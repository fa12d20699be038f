using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// Freezes the supporting files with the revision a submission just made: every file not yet frozen is
/// stamped with the round, and the revision's content lists every file of the round (kind, name, SHA-256,
/// size, blind-safe) with its fingerprint recomputed, so the fingerprint covers the files too. Called right
/// after <see cref="ClosureApplication.Submit"/>, before the same save.
/// </summary>
public sealed class AttachmentFreezer(IAppDbContext db)
{
    public async Task FreezeAsync(ClosureApplication application, CancellationToken cancellationToken = default)
    {
        var revision = application.Revisions.SingleOrDefault(r => r.Round == application.Round);
        if (revision is null) return;
        var files = await db.Attachments
            .Where(a => a.ApplicationId == application.Id && (a.FrozenRound == null || a.FrozenRound <= application.Round))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var file in files.Where(f => f.FrozenRound is null))
            file.FrozenRound = application.Round;
        if (files.Count == 0) return;

        var content = ApplicationSnapshot.FromJson(revision.Content)
            ?? throw new InvalidOperationException($"Revision {revision.Round} of application {application.Id} is not readable.");
        var json = ApplicationSnapshot.ToJson(content with
        {
            Attachments = files.Select(f => new ApplicationSnapshot.FrozenFile(f.Kind.ToString(), f.FileName, f.Sha256, f.Size, f.BlindSafe)).ToList(),
        });
        revision.Content = json;
        revision.Fingerprint = ApplicationSnapshot.FingerprintOf(json);
    }
}
