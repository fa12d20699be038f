using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 下载附件: the file only if the disclosure policy lists it for this viewer (an expert never gets a file that is
/// not blind-safe, whatever the address), read from the store and checked against its recorded SHA-256; a blind viewer
/// (an expert) receives it with its metadata stripped (<see cref="Files.BlindCopy"/>).
/// </summary>
public static class GetAttachmentFile
{
    public sealed record Query(string ProjectCode, int AttachmentId);

    /// <param name="FileName">As the viewer may see it (neutral for a blind viewer).</param>
    public sealed record Download(string FileName, string ContentType, byte[] Content);

    public enum Outcome { Found, NotFound, Unreadable }

    public sealed record Result(Outcome Outcome, Download? File = null);

    public sealed class Handler(LoadDisclosed.Handler load, IFileStore store, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(Query query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var loaded = await load.HandleAsync(query.ProjectCode, user, cancellationToken);
            var shown = loaded?.View.Attachments.SingleOrDefault(a => a.Id == query.AttachmentId);
            var entity = loaded?.Entity.Attachments.SingleOrDefault(a => a.Id == query.AttachmentId);
            if (shown is null || entity is null) return new Result(Outcome.NotFound);
            try
            {
                var content = await store.ReadAsync(entity.StorageKey, entity.Sha256, cancellationToken);
                // A blind viewer receives the copy without the metadata naming its author (the upload checked it can be made).
                if (content is not null && loaded!.View.Blind) content = Files.BlindCopy.Strip(content, entity.ContentType);
                if (content is not null) return new Result(Outcome.Found, new Download(shown.FileName, entity.ContentType, content));
                log.LogError("Attachment {Id} of {ProjectCode}: stored file {Key} is missing", entity.Id, query.ProjectCode, entity.StorageKey);
            }
            catch (StoredFileCorruptException)
            {
                log.LogError("Attachment {Id} of {ProjectCode}: stored file {Key} does not match SHA-256 {Sha256}",
                    entity.Id, query.ProjectCode, entity.StorageKey, entity.Sha256);
            }
            return new Result(Outcome.Unreadable);
        }
    }
}
