using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 删除附件: only a file not yet submitted, while the researcher may edit. A file frozen with a round is part
/// of that revision and stays (after a return the researcher adds new files beside it).
/// </summary>
public static class DeleteAttachment
{
    public sealed record Command(string ProjectCode, int AttachmentId);

    public enum Outcome { Deleted, Frozen, NotEditable, NotFound }

    public const string FrozenMessage = "该附件已随申请书提交，属于已提交的版本，不能删除或替换。如需补充，请上传新的附件。";

    public sealed class Handler(IAppDbContext db, IFileStore store, ILogger<Handler> log)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var found = await db.Attachments
                .Join(db.ClosureApplications, f => f.ApplicationId, a => a.Id, (f, a) => new { File = f, a.Status, a.Project.Code, a.Project.Lifecycle })
                .SingleOrDefaultAsync(x => x.File.Id == command.AttachmentId && x.Code == command.ProjectCode, cancellationToken);
            if (found is null) return Outcome.NotFound;
            if (!found.Status.IsWithResearcher() || found.Lifecycle == ProjectLifecycleStatus.Terminated) return Outcome.NotEditable;
            if (found.File.FrozenRound is not null) return Outcome.Frozen;

            db.Attachments.Remove(found.File);
            await db.SaveChangesAsync(cancellationToken);
            // After the row: a failed delete leaves a file nobody refers to, never a row without its file.
            try
            {
                await store.DeleteAsync(found.File.StorageKey, cancellationToken);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Stored file {Key} of deleted attachment {Id} not removed", found.File.StorageKey, found.File.Id);
            }
            log.LogInformation("Attachment {Id} deleted from {ProjectCode}", found.File.Id, command.ProjectCode);
            return Outcome.Deleted;
        }
    }
}
