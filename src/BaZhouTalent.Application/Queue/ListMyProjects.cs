using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>我的项目: the funded projects the signed-in researcher leads.</summary>
public static class ListMyProjects
{
    public sealed record Query;

    public sealed record Row(string ProjectCode, string ProjectTitle, string CategoryName, int Year, ApplicationStatus? Status,
        ProjectLifecycleStatus Lifecycle = ProjectLifecycleStatus.Active, string? TerminationGround = null, DateOnly? PlannedCompletion = null)
    {
        public string StatusName => Lifecycle == ProjectLifecycleStatus.Terminated ? $"已终止（{TerminationGround}）" : ProjectStatus.ToChinese(Status);

        public bool Terminated => Lifecycle == ProjectLifecycleStatus.Terminated;
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
                    p.Application == null ? null : p.Application.Status,
                    p.Lifecycle,
                    p.TerminationGround,
                    p.ExtendedCompletion ?? p.PlannedCompletion))
                .ToListAsync(cancellationToken);
        }
    }
}
