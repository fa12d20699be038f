using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Audit;

/// <summary>操作日志: the staff audit trail, newest first, one page at a time, optionally one action only.</summary>
public static class ListStaffAudit
{
    public sealed record Query(ListRequest List, string? Action = null);

    public sealed record Row(long Id, DateTimeOffset At, string ActorName, string Action, string Note)
    {
        public string ActionName => StaffActionNames.ToChinese(Action);
    }

    // Newest first; the id breaks ties between entries of the same instant.
    private static readonly SortMap<AuditEntry> Sorts = SortMap<AuditEntry>.TieBrokenBy(e => e.Id).Add("at", e => e.At, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db)
    {
        public Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            // Application history lives in the same table with an application id; staff actions have none.
            var entries = db.AuditEntries.AsNoTracking().Where(e => e.ApplicationId == null);
            if (!string.IsNullOrEmpty(query.Action))
                entries = entries.Where(e => e.Action == query.Action);
            return entries.ToPagedAsync(query.List, Sorts, e => new Row(e.Id, e.At, e.ActorName, e.Action, e.Note), cancellationToken);
        }
    }
}
