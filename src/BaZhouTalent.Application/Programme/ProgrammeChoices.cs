using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Programme;

/// <summary>What the programme's filters offer: the years that have projects, the regions (counties and 市本级), the categories.</summary>
public static class ProgrammeChoices
{
    public sealed record Choice(int Id, string Name);

    public sealed record Result(IReadOnlyList<int> Years, IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Categories);

    public sealed class Handler(IAppDbContext db, VersionedCache cache)
    {
        /// <summary>
        /// The same for every viewer, and kept like the lists' counts until the next saved change: finding the years
        /// reads the whole register's year index, on every request of 结项管理 otherwise.
        /// </summary>
        public Task<Result> HandleAsync(CancellationToken cancellationToken = default) =>
            cache.KeepAsync(nameof(ProgrammeChoices), ListCounts.Lifetime, () => ReadAsync(cancellationToken));

        private async Task<Result> ReadAsync(CancellationToken cancellationToken) => new(
            await db.FundedProjects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken),
            await db.Regions.OrderBy(r => r.SortOrder).Select(r => new Choice(r.Id, r.Name)).ToListAsync(cancellationToken),
            await db.ProjectCategories.OrderBy(c => c.SortOrder).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken));
    }
}
