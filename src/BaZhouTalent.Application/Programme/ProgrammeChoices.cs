using BaZhouTalent.Application.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Programme;

/// <summary>What the programme's filters offer: the years that have projects, the regions (counties and 市本级), the categories.</summary>
public static class ProgrammeChoices
{
    public sealed record Choice(int Id, string Name);

    public sealed record Result(IReadOnlyList<int> Years, IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Categories);

    public sealed class Handler(IAppDbContext db)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken = default) => new(
            await db.FundedProjects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken),
            await db.Regions.OrderBy(r => r.SortOrder).Select(r => new Choice(r.Id, r.Name)).ToListAsync(cancellationToken),
            await db.ProjectCategories.OrderBy(c => c.SortOrder).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken));
    }
}
