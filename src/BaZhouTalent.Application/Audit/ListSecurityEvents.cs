using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Audit;

/// <summary>审计日志: the security audit newest first, filtered by account, event and China dates, searched, one page at a time.</summary>
public static class ListSecurityEvents
{
    /// <param name="Account">A user name, matched exactly (case as typed is ignored by the database's collation only where it does so).</param>
    /// <param name="From">First China date included.</param>
    /// <param name="To">Last China date included.</param>
    public sealed record Filter(string? Account = null, string? Kind = null, DateOnly? From = null, DateOnly? To = null, string? Term = null);

    public sealed record Row(long Sequence, DateTimeOffset At, string Kind, string Outcome, string Account, string AccountName,
        string ClientAddress, string Target, string Detail)
    {
        public string KindName => SecurityEventNames.ToChinese(Kind);

        public string OutcomeName => SecurityEventNames.OutcomeToChinese(Outcome);
    }

    private static readonly SortMap<SecurityEvent> Sorts = SortMap<SecurityEvent>.TieBrokenBy(e => e.Sequence)
        .Add("at", e => e.At, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db, ITextSearch search, ListCounts counts)
    {
        /// <summary>
        /// A page, newest first. The count (every record of the log when unfiltered: tens of thousands within a year) is
        /// kept until the next saved change (<see cref="ListCounts"/>), so a page reads its twenty records along the time
        /// index and nothing else.
        /// </summary>
        public async Task<Paged<Row>> HandleAsync(Filter filter, ListRequest list, CancellationToken cancellationToken = default)
        {
            var events = Filtered(filter);
            var total = await counts.CountAsync(events, (nameof(ListSecurityEvents), filter), cancellationToken);
            return await events.ToPageAsync(list with { Sort = null, Descending = false }, Sorts, Projection, total, cancellationToken);
        }

        /// <summary>
        /// The export: how many records match (at most <paramref name="limit"/>) and the records themselves, newest first,
        /// read from the database as they are enumerated. Both are of the log as it stands now: a record added later —
        /// the export's own, recorded before its first byte — is in neither.
        /// </summary>
        public async Task<(int Count, IAsyncEnumerable<Row> Rows)> ExportAsync(Filter filter, int limit, CancellationToken cancellationToken = default)
        {
            var last = await db.SecurityEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            var records = Filtered(filter).Where(e => e.Sequence <= last);
            var count = await records.Take(limit).CountAsync(cancellationToken);
            return (count, records.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence).Take(limit)
                .Select(Projection).TagWith(StreamedWorkbook.QueryTag).AsAsyncEnumerable());
        }

        /// <summary>The records the filter keeps, unordered (its plan is tested).</summary>
        public IQueryable<SecurityEvent> Filtered(Filter filter)
        {
            var events = db.SecurityEvents.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(filter.Account))
            {
                var account = filter.Account.Trim();
                events = events.Where(e => e.Account == account);
            }
            if (!string.IsNullOrWhiteSpace(filter.Kind))
                events = events.Where(e => e.Kind == filter.Kind);
            if (filter.From is { } from)
            {
                var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
                events = events.Where(e => e.At >= start);
            }
            if (filter.To is { } to)
            {
                var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
                events = events.Where(e => e.At < end);
            }
            if (!string.IsNullOrWhiteSpace(filter.Term))
            {
                var term = filter.Term.Trim();
                events = events.Where(e => e.Target.Contains(term) || e.Detail.Contains(term) || e.AccountName.Contains(term)
                    || e.ClientAddress.Contains(term));
                // The index's candidates (docs/adr/0007), narrowed by the exact comparison above: a rare name reads its
                // few records, not the whole log.
                if (search.SecurityEvents(term) is { } candidates)
                    events = events.Where(e => candidates.Contains(e.Sequence));
            }
            return events;
        }

        private static readonly System.Linq.Expressions.Expression<Func<SecurityEvent, Row>> Projection = e =>
            new Row(e.Sequence, e.At, e.Kind, e.Outcome, e.Account, e.AccountName, e.ClientAddress, e.Target, e.Detail);
    }
}
