using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>我的项目: the funded projects the signed-in researcher leads.</summary>
public static class ListMyProjects
{
    public sealed record Query;

    public sealed record Row(string ProjectCode, string ProjectTitle, string CategoryName, int Year, ApplicationStatus? Status)
    {
        public string StatusName => ProjectStatus.ToChinese(Status);
    }

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            if (currentUser.UserId is not { } userId)
                return [];

            return await db.FundedProjects
                .Where(p => p.LeaderUserId == userId)
                .OrderByDescending(p => p.Year).ThenBy(p => p.Code)
                .Select(p => new Row(
                    p.Code,
                    p.Title,
                    p.Category.Name,
                    p.Year,
                    p.Application == null ? null : p.Application.Status))
                .ToListAsync(cancellationToken);
        }
    }
}
