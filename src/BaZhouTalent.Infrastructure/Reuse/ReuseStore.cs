using System.Globalization;
using System.Text;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Reuse;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Reuse;

/// <summary>
/// The fingerprint table. Lookups are LINQ with the hash list sent as one array-like parameter
/// (<see cref="EF.Parameter{T}"/>: json_each on SQLite, OPENJSON on SQL Server, an array on PostgreSQL), so a report's
/// 30,000 k-gram hashes are one statement on every provider. Writing is the one place that is not LINQ: tens of
/// millions of rows through the change tracker would take an hour, so rows go out as multi-row INSERTs of integer
/// literals inside EF's transaction, sorted by hash (the key's order, so the index is written in one pass), with the
/// table's and columns' names and quoting taken from the EF model and the provider's SQL generator — plain SQL every
/// provider accepts.
/// </summary>
public sealed class ReuseStore(AppDbContext db, TimeProvider clock, IOptions<ReuseOptions> options) : IReuseStore
{
    /// <summary>Rows per INSERT statement (SQL Server accepts at most 1,000 rows in one VALUES list).</summary>
    private const int RowsPerStatement = 1000;

    public async Task<int> IndexAsync(IReadOnlyList<IndexedReport> reports, CancellationToken cancellationToken)
    {
        var applications = reports.Select(r => r.ApplicationId).Distinct().ToList();
        var done = (await db.ReuseDocuments.Where(d => applications.Contains(d.ApplicationId))
                .Select(d => new { d.ApplicationId, d.Round }).ToListAsync(cancellationToken))
            .Select(d => (d.ApplicationId, d.Round)).ToHashSet();
        var todo = reports.Where(r => !done.Contains((r.ApplicationId, r.Round))).DistinctBy(r => (r.ApplicationId, r.Round)).ToList();
        if (todo.Count == 0)
            return 0;

        var now = clock.GetUtcNow();
        var fingerprints = todo.AsParallel().AsOrdered().Select(r => ReuseFingerprints.Winnow(ReuseFingerprints.KGramHashes(r.Text.Characters))).ToList();
        var documents = todo.Select((r, i) => new ReuseDocument
        {
            ApplicationId = r.ApplicationId,
            Round = r.Round,
            Characters = r.Text.Length,
            Fingerprints = fingerprints[i].Count,
            IndexedAt = now,
        }).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ReuseDocuments.AddRange(documents);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateRowException)
            {
                // Another instance indexed one of them meanwhile: nothing of ours is kept; the next pass skips theirs.
                db.DiscardChanges();
                await transaction.RollbackAsync(CancellationToken.None);
                return 0;
            }
            var rows = new List<(long Hash, int Document, int Position)>(fingerprints.Sum(f => f.Count));
            for (var i = 0; i < documents.Count; i++)
                rows.AddRange(fingerprints[i].Select(f => (f.Hash, documents[i].Id, f.Position)));
            rows.Sort();
            await WriteAsync(rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.DiscardChanges();
            return documents.Count;
        });
    }

    private async Task WriteAsync(List<(long Hash, int Document, int Position)> rows, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(ReuseFingerprint))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = entity.GetSchema() is { } schema ? sql.DelimitIdentifier(entity.GetTableName()!, schema) : sql.DelimitIdentifier(entity.GetTableName()!);
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var head = $"INSERT INTO {table} ({Column(nameof(ReuseFingerprint.Hash))}, {Column(nameof(ReuseFingerprint.DocumentId))}, {Column(nameof(ReuseFingerprint.Position))}) VALUES ";
        var statement = new StringBuilder(head.Length + RowsPerStatement * 40);
        for (var at = 0; at < rows.Count; at += RowsPerStatement)
        {
            statement.Clear().Append(head);
            var end = Math.Min(rows.Count, at + RowsPerStatement);
            for (var i = at; i < end; i++)
            {
                if (i > at) statement.Append(',');
                // Integers only, formatted invariantly: nothing here can carry text into the statement. (Literals, not
                // parameters: binding thousands of parameters per statement measured three times slower on SQLite.)
                statement.Append('(').Append(rows[i].Hash.ToString(CultureInfo.InvariantCulture))
                    .Append(',').Append(rows[i].Document.ToString(CultureInfo.InvariantCulture))
                    .Append(',').Append(rows[i].Position.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
#pragma warning disable EF1002 // The statement holds integer literals only (see above).
            await db.Database.ExecuteSqlRawAsync(statement.ToString(), cancellationToken);
#pragma warning restore EF1002
        }
    }

    public IArchiveView ViewFor(int applicationId) => new View(db, applicationId, options.Value);

    private sealed class View(AppDbContext db, int applicationId, ReuseOptions options) : IArchiveView
    {
        private readonly Dictionary<int, (int ApplicationId, int Round)> documents = [];

        public (int ApplicationId, int Round) SourceOf(int document) => documents[document];

        public Task<int> ReportCountAsync(CancellationToken cancellationToken) =>
            db.ReuseDocuments.Select(d => d.ApplicationId).Distinct().CountAsync(cancellationToken);

        public async Task<IReadOnlyList<(long Hash, int Count)>> CountsAsync(List<long> hashes, CancellationToken cancellationToken) =>
            (await db.ReuseFingerprints.Where(f => EF.Parameter(hashes).Contains(f.Hash))
                .GroupBy(f => f.Hash)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Key, c.Count)).ToList();

        public async Task<IReadOnlyList<(long Hash, int Document)>> HitsAsync(List<long> hashes, CancellationToken cancellationToken)
        {
            var hits = await db.ReuseFingerprints.Where(f => EF.Parameter(hashes).Contains(f.Hash))
                .Select(f => new { f.Hash, f.DocumentId })
                .ToListAsync(cancellationToken);
            var ids = hits.Select(h => h.DocumentId).Distinct().ToList();
            var found = await db.ReuseDocuments.Where(d => EF.Parameter(ids).Contains(d.Id))
                .Select(d => new { d.Id, d.ApplicationId, d.Round }).ToListAsync(cancellationToken);
            // Another application's latest indexed round only: never this application's own rounds, never a superseded one.
            var applications = found.Select(d => d.ApplicationId).Distinct().ToList();
            var latest = (await db.ReuseDocuments.Where(d => EF.Parameter(applications).Contains(d.ApplicationId))
                    .GroupBy(d => d.ApplicationId).Select(g => new { g.Key, Round = g.Max(d => d.Round) })
                    .ToListAsync(cancellationToken))
                .ToDictionary(l => l.Key, l => l.Round);
            foreach (var d in found.Where(d => d.ApplicationId != applicationId && latest[d.ApplicationId] == d.Round))
                documents[d.Id] = (d.ApplicationId, d.Round);
            return [.. hits.Where(h => documents.ContainsKey(h.DocumentId)).Select(h => (h.Hash, h.DocumentId))];
        }

        public async Task<IReadOnlyDictionary<int, ReuseText>> TextsAsync(IReadOnlyList<int> candidates, CancellationToken cancellationToken)
        {
            var wanted = candidates.Select(d => documents[d]).ToList();
            var applications = wanted.Select(w => w.ApplicationId).ToList();
            var revisions = await db.ApplicationRevisions.AsNoTracking()
                .Where(r => EF.Parameter(applications).Contains(r.ApplicationId))
                .Select(r => new { r.ApplicationId, r.Round, r.Content })
                .ToListAsync(cancellationToken);
            var texts = new Dictionary<int, ReuseText>();
            foreach (var candidate in candidates)
            {
                var (application, round) = documents[candidate];
                if (revisions.FirstOrDefault(r => r.ApplicationId == application && r.Round == round) is { } revision)
                    texts[candidate] = ReuseText.Of(RoundReports.TextOf(revision.Content) ?? "", options.Headings);
            }
            return texts;
        }
    }
}
