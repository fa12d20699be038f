using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Review;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Programme;

/// <summary>
/// 总览: one year's programme for the city federation — counts by status, region, category and grade, the applications
/// waiting longest at each stage, and the projects past their planned completion with no closure submitted. Every
/// figure is a grouped count in the database; nothing is loaded row by row. The figures are kept for up to a minute
/// (<see cref="CacheLifetime"/>), and recomputed at once after any change any instance saves (<see cref="IDataVersion"/>):
/// a dozen counts over a year's projects cost tens of milliseconds at 20,000 projects, and the page says when they were taken.
/// </summary>
public static class GetDashboard
{
    public const int WaitingPerStage = 5;
    public const int OverdueShown = 10;

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The stages where an application waits for someone other than the researcher.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> WaitingStages = Workflow.WorkflowStages.InReview;

    public sealed record Count(string Label, int Value, string? Key = null);

    public sealed record Waiting(string ProjectCode, string ProjectTitle, DateTimeOffset Since);

    public sealed record Stage(ApplicationStatus Status, IReadOnlyList<Waiting> Longest)
    {
        public string Name => ReviewQueues.ActionFor(Status);
    }

    public sealed record OverdueProject(string ProjectCode, string ProjectTitle, string LeaderName, string UnitName, DateOnly PlannedCompletion);

    public sealed record Result(
        int Year,
        IReadOnlyList<int> Years,
        int ProjectCount,
        IReadOnlyList<Count> ByStatus,
        IReadOnlyList<Count> ByRegion,
        IReadOnlyList<Count> ByCategory,
        IReadOnlyList<Count> ByGrade,
        IReadOnlyList<Stage> Stages,
        int OverdueCount,
        IReadOnlyList<OverdueProject> Overdue,
        DateTimeOffset TakenAt);

    public sealed class Handler(IAppDbContext db, TimeProvider clock, VersionedCache cache)
    {
        /// <summary>
        /// The year's figures; a year with no projects (whatever <c>?year=</c> says) is the latest year's, so the kept
        /// entries are one per funding year. While they are recomputed after a change, other requests get the previous
        /// figures at once (<see cref="VersionedCache"/>): one computation per change, and only its request waits.
        /// </summary>
        public async Task<Result> HandleAsync(int? year, CancellationToken cancellationToken = default)
        {
            var today = ChinaTime.Today(clock);
            var years = await cache.KeepAsync((nameof(GetDashboard), "years"), CacheLifetime,
                () => db.FundedProjects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken), staleWhileComputing: true);
            var chosen = year is { } y && years.Contains(y) ? y : years.FirstOrDefault(today.Year);
            return await cache.KeepAsync((nameof(GetDashboard), chosen, today), CacheLifetime,
                () => ComputeAsync(chosen, years, cancellationToken), staleWhileComputing: true);
        }

        private async Task<Result> ComputeAsync(int chosen, List<int> years, CancellationToken cancellationToken)
        {
            var projects = db.FundedProjects.AsNoTracking().Where(p => p.Year == chosen);
            var today = ChinaTime.Today(clock);

            // A terminated project counts as 已终止, whatever its application's state.
            var terminated = await projects.CountAsync(p => p.Lifecycle == ProjectLifecycleStatus.Terminated, cancellationToken);
            var byStatus = (await projects.Where(p => p.Lifecycle != ProjectLifecycleStatus.Terminated)
                    .GroupBy(p => p.Application == null ? (ApplicationStatus?)null : p.Application.Status)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .OrderBy(s => s.Key is null ? -1 : (int)s.Key)
                .Select(s => new Count(ProjectStatus.ToChinese(s.Key), s.Count, s.Key?.ToString() ?? ListClosures.NotStarted))
                .ToList();
            if (terminated > 0)
                byStatus.Add(new Count(ProjectLifecycleStatus.Terminated.ToChinese(), terminated, ListClosures.Terminated));
            var byRegion = await projects
                .GroupBy(p => new { p.Unit.Region.Id, p.Unit.Region.Name, p.Unit.Region.SortOrder })
                .OrderBy(g => g.Key.SortOrder)
                .Select(g => new Count(g.Key.Name, g.Count(), g.Key.Id.ToString()))
                .ToListAsync(cancellationToken);
            var byCategory = await projects
                .GroupBy(p => new { p.Category.Id, p.Category.Name, p.Category.SortOrder })
                .OrderBy(g => g.Key.SortOrder)
                .Select(g => new Count(g.Key.Name, g.Count(), g.Key.Id.ToString()))
                .ToListAsync(cancellationToken);
            var byGrade = (await db.ReviewOpinions.AsNoTracking()
                    .Where(o => (o.Stage == ReviewStage.ChiefExpert || o.Stage == ReviewStage.Exemption) && o.Grade != null)
                    .Join(projects.Where(p => p.Application != null && p.Application.Status == ApplicationStatus.Concluded),
                        o => new { o.ApplicationId, o.Round }, p => new { ApplicationId = p.Application!.Id, p.Application.Round }, (o, p) => o.Grade)
                    .GroupBy(g => g)
                    .Select(g => new { Grade = g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .OrderBy(g => g.Grade)
                .Select(g => new Count(ReviewText.GradeName(g.Grade), g.Count, g.Grade.ToString()))
                .ToList();

            var stages = new List<Stage>();
            foreach (var status in WaitingStages)
                stages.Add(new Stage(status, await LongestWaitingAsync(chosen, status, cancellationToken)));

            var overdue = projects.Where(ListClosures.IsOverdue(today));
            var overdueCount = await overdue.CountAsync(cancellationToken);
            var overdueShown = await overdue
                .OrderBy(p => p.ExtendedCompletion ?? p.PlannedCompletion).ThenBy(p => p.Code)
                .Take(OverdueShown)
                .Select(p => new OverdueProject(p.Code, p.Title, p.OriginalLeader.Name, p.Unit.Name, p.ExtendedCompletion ?? p.PlannedCompletion))
                .ToListAsync(cancellationToken);

            return new Result(chosen, years, byStatus.Sum(s => s.Value), byStatus, byRegion, byCategory, byGrade, stages, overdueCount, overdueShown,
                clock.GetUtcNow());
        }

        /// <summary>The applications at <paramref name="status"/> the longest (StatusSince, indexed with the status).</summary>
        private async Task<IReadOnlyList<Waiting>> LongestWaitingAsync(int year, ApplicationStatus status, CancellationToken cancellationToken)
        {
            var waiting = await db.ClosureApplications.AsNoTracking()
                .Where(a => a.Project.Year == year && a.Status == status && a.Project.Lifecycle != ProjectLifecycleStatus.Terminated)
                .Select(a => new
                {
                    a.Project.Code,
                    a.Project.Title,
                    Since = a.StatusSince ?? a.SubmittedAt,
                })
                .OrderBy(a => a.Since == null).ThenBy(a => a.Since)
                .Take(WaitingPerStage)
                .ToListAsync(cancellationToken);
            return waiting.Where(w => w.Since is not null).Select(w => new Waiting(w.Code, w.Title, w.Since!.Value)).ToList();
        }
    }
}
