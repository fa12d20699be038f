using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Queue;

/// <summary>我的项目: the funded projects the signed-in researcher leads (<see cref="Visibility.ProjectsAs"/>), newest year first, paged.</summary>
public static class ListMyProjects
{
    public sealed record Query(ListRequest Listing);

    public sealed record Row(string ProjectCode, string ProjectTitle, string CategoryName, int Year, ApplicationStatus? Status,
        ProjectLifecycleStatus Lifecycle = ProjectLifecycleStatus.Active, string? TerminationGround = null, DateOnly? PlannedCompletion = null)
    {
        public string StatusName => Lifecycle == ProjectLifecycleStatus.Terminated ? $"已终止（{TerminationGround}）" : ProjectStatus.ToChinese(Status);

        public bool Terminated => Lifecycle == ProjectLifecycleStatus.Terminated;

        /// <summary>Not started, or with the researcher to fill in (草稿, 被退回, 暂缓结项).</summary>
        public bool ToFillIn => Status?.IsWithResearcher() ?? true;
    }

    /// <summary>Newest funding year first, then by 立项编号 (unique, so pages are stable).</summary>
    public static readonly SortMap<FundedProject> Sorts = SortMap<FundedProject>.TieBrokenByChain(q => q.ThenBy(p => p.Code))
        .Add("year", p => p.Year, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser)
    {
        public Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default) =>
            db.FundedProjects
                .Where(Visibility.ProjectsAs(currentUser, Roles.Researcher))
                .ToPagedAsync(query.Listing, Sorts, p => new Row(
                    p.Code,
                    p.Title,
                    p.Category.Name,
                    p.Year,
                    p.Application == null ? null : p.Application.Status,
                    p.Lifecycle,
                    p.TerminationGround,
                    p.ExtendedCompletion ?? p.PlannedCompletion), cancellationToken);
    }
}
