using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Reuse;

/// <summary>
/// 自建库查重 as one viewer may see it (<see cref="DisclosurePolicy.Reuse"/>): a summary for the review and details pages,
/// and the report page with the passages marked — beside a source's text for the federation only. Nothing about a
/// source leaves the database for a viewer who may not see it: experts' rows are projected without it.
/// </summary>
public static class GetReuseReport
{
    /// <summary>A source as the federation sees it.</summary>
    public sealed record SourceRow(int Rank, string Code, int Year, string Title, string Leader, int Round, int SharedCharacters, int Passages);

    /// <summary>A matched passage's place: offsets (from 1) and lengths in the report, and in the source for the federation.</summary>
    public sealed record PassageRow(int Number, int Start, int Length, int Characters, int? SourceStart, int? SourceLength, string Excerpt);

    public sealed record Summary(
        ReuseDisclosure Disclosure,
        ReuseCheckState? State,
        double? Percent,
        bool Warn,
        double WarnPercent,
        int MinPassage,
        DateTimeOffset? CheckedAt,
        int PassageCount,
        IReadOnlyList<SourceRow> Sources)
    {
        public bool Visible => Disclosure != ReuseDisclosure.None;

        public string StateText => State switch
        {
            null => "未检测",
            ReuseCheckState.Pending => "检测中",
            ReuseCheckState.Failed => "检测失败",
            _ => $"{Percent:0.0}%",
        };
    }

    public sealed record Page(
        string Code,
        string ProjectTitle,
        Summary Summary,
        SourceRow? Source,
        IReadOnlyList<PassageRow> Passages,
        IReadOnlyList<MarkedParagraph> Report,
        IReadOnlyList<MarkedParagraph> SourceText);

    public sealed class Handler(IAppDbContext db, LoadDisclosed.Handler load, IOptions<ReuseOptions> options)
    {
        /// <summary>The current round's result as <paramref name="policy"/> lets its viewer see it.</summary>
        public async Task<Summary> SummaryAsync(ClosureApplication application, DisclosurePolicy policy, CancellationToken cancellationToken)
        {
            var disclosure = policy.Reuse;
            var check = disclosure == ReuseDisclosure.None ? null : await db.ReuseChecks.AsNoTracking()
                .Where(c => c.ApplicationId == application.Id && c.Round == application.Round)
                .Select(c => new { c.Id, c.State, c.Percent, c.CompletedAt, Passages = c.Sources.SelectMany(s => s.Passages).Count() })
                .SingleOrDefaultAsync(cancellationToken);
            IReadOnlyList<SourceRow> sources = disclosure == ReuseDisclosure.Sources && check is not null
                ? await SourcesAsync(check.Id, cancellationToken)
                : [];
            var percent = check?.State == ReuseCheckState.Done ? check.Percent : null;
            return new Summary(disclosure, check?.State, percent, percent >= options.Value.WarnPercent, options.Value.WarnPercent,
                options.Value.MinPassageCharacters, check?.CompletedAt,
                disclosure >= ReuseDisclosure.Passages ? check?.Passages ?? 0 : 0, sources);
        }

        private async Task<List<SourceRow>> SourcesAsync(int checkId, CancellationToken cancellationToken) =>
            await db.ReuseSources.AsNoTracking()
                .Where(s => s.CheckId == checkId)
                .OrderBy(s => s.Rank)
                .Join(db.ClosureApplications, s => s.SourceApplicationId, a => a.Id, (s, a) => new SourceRow(
                    s.Rank, a.Project.Code, a.Project.Year, a.Project.Title, a.CurrentLeader.Name, s.SourceRound, s.SharedCharacters, s.Passages.Count))
                .ToListAsync(cancellationToken);

        /// <summary>
        /// The report page: null (404) when the viewer may not see the application or its result. The federation picks a
        /// source by its rank (the first by default) and sees it beside the report; experts see the report alone with every
        /// matched passage marked; the unit and the county the share only.
        /// </summary>
        public async Task<Page?> PageAsync(string code, ClaimsPrincipal user, int? sourceRank, CancellationToken cancellationToken)
        {
            if (await load.HandleAsync(code, user, cancellationToken) is not { } loaded)
                return null;
            var application = loaded.Entity;
            var summary = await SummaryAsync(application, loaded.View.Policy, cancellationToken);
            if (!summary.Visible)
                return null;
            var empty = new Page(loaded.View.Code, loaded.View.ProjectTitle, summary, null, [], [], []);
            if (summary.Disclosure < ReuseDisclosure.Passages || summary.State != ReuseCheckState.Done)
                return empty;

            var report = RoundReports.TextOf(application.Revisions.Single(r => r.Round == application.Round).Content) ?? "";
            if (summary.Disclosure == ReuseDisclosure.Passages)
            {
                // Every passage of the report, whichever report it was found in, merged and numbered in reading order.
                var spans = await db.ReusePassages.AsNoTracking()
                    .Where(p => db.ReuseSources.Any(s => s.Id == p.SourceId && db.ReuseChecks.Any(c =>
                        c.Id == s.CheckId && c.ApplicationId == application.Id && c.Round == application.Round)))
                    .Select(p => new { p.Start, p.Length, p.Characters })
                    .ToListAsync(cancellationToken);
                var merged = Merge(spans.Select(s => (s.Start, s.Start + s.Length)));
                var rows = merged.Select((m, i) => new PassageRow(i + 1, m.Start + 1, m.End - m.Start, 0, null, null, Excerpt(report, m.Start, m.End - m.Start))).ToList();
                return empty with
                {
                    Passages = rows,
                    Report = MarkedText.Paragraphs(report, merged.Select((m, i) => (m.Start, m.End - m.Start, i + 1))),
                };
            }

            var source = summary.Sources.FirstOrDefault(s => s.Rank == (sourceRank ?? 1));
            if (source is null)
                return empty with { Report = MarkedText.Paragraphs(report, []) };
            var passages = await db.ReuseSources.AsNoTracking()
                .Where(s => s.Rank == source.Rank && db.ReuseChecks.Any(c => c.Id == s.CheckId && c.ApplicationId == application.Id && c.Round == application.Round))
                .SelectMany(s => s.Passages)
                .OrderBy(p => p.Start)
                .ToListAsync(cancellationToken);
            var sourceApplication = await db.ReuseSources.AsNoTracking()
                .Where(s => s.Rank == source.Rank && db.ReuseChecks.Any(c => c.Id == s.CheckId && c.ApplicationId == application.Id && c.Round == application.Round))
                .Select(s => new { s.SourceApplicationId, s.SourceRound })
                .SingleAsync(cancellationToken);
            var sourceContent = await db.ApplicationRevisions.AsNoTracking()
                .Where(r => r.ApplicationId == sourceApplication.SourceApplicationId && r.Round == sourceApplication.SourceRound)
                .Select(r => r.Content)
                .SingleAsync(cancellationToken);
            var sourceText = RoundReports.TextOf(sourceContent) ?? "";
            return empty with
            {
                Source = source,
                Passages = [.. passages.Select((p, i) => new PassageRow(i + 1, p.Start + 1, p.Length, p.Characters, p.SourceStart + 1, p.SourceLength, Excerpt(report, p.Start, p.Length)))],
                Report = MarkedText.Paragraphs(report, passages.Select((p, i) => (p.Start, p.Length, i + 1))),
                SourceText = MarkedText.Paragraphs(sourceText, passages.Select((p, i) => (p.SourceStart, p.SourceLength, i + 1))),
            };
        }

        private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
        {
            var merged = new List<(int Start, int End)>();
            foreach (var span in spans.OrderBy(s => s.Start))
            {
                if (merged.Count > 0 && span.Start <= merged[^1].End)
                    merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
                else
                    merged.Add(span);
            }
            return merged;
        }

        private static string Excerpt(string text, int start, int length)
        {
            var plain = text.Substring(start, Math.Min(length, text.Length - start)).Replace("**", "", StringComparison.Ordinal).Replace('\n', ' ');
            return plain.Length <= 40 ? plain : plain[..40] + "…";
        }
    }
}
