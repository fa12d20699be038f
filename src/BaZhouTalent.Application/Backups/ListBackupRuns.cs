using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;

namespace BaZhouTalent.Application.Backups;

/// <summary>备份记录: the backups taken (by the daily schedule or the command), newest first, one page at a time.</summary>
public static class ListBackupRuns
{
    public sealed record Row(DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool Succeeded, string Trigger, string Location,
        long Bytes, int Files, string Message);

    private static readonly SortMap<BackupRun> Order = new SortMap<BackupRun>(r => r.Id).Add("started", r => r.StartedAt, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db)
    {
        public Task<Paged<Row>> HandleAsync(ListRequest request, CancellationToken cancellationToken) =>
            db.BackupRuns.ToPagedAsync(request, Order,
                r => new Row(r.StartedAt, r.FinishedAt, r.Succeeded, r.Trigger, r.Location, r.Bytes, r.Files, r.Message), cancellationToken);
    }
}
