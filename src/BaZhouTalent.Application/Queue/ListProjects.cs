using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>项目登记: the whole register of funded projects, for the city federation.</summary>
public static class ListProjects
{
    public sealed record Query;

    public sealed record Row(
        string ProjectCode,
        string ProjectTitle,
        string CategoryName,
        int Year,
        string LeaderName,
        string UnitName,
        bool HasLeaderAccount,
        ApplicationStatus? Status)
    {
        public string StatusName => ProjectStatus.ToChinese(Status);
    }

    public sealed class Handler(IAppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default) =>
            await db.FundedProjects
                .OrderByDescending(p => p.Year).ThenBy(p => p.Code)
                .Select(p => new Row(
                    p.Code,
                    p.Title,
                    p.Category.Name,
                    p.Year,
                    p.OriginalLeader.Name,
                    p.Unit.Name,
                    p.LeaderUserId != null,
                    p.Application == null ? null : p.Application.Status))
                .ToListAsync(cancellationToken);
    }
}
