using System.Linq.Expressions;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Programme;

/// <summary>
/// 结项管理: every funded project of every year with where its closure stands, searched, filtered, sorted and paged on
/// the server. The city federation sees all; units and counties see what is theirs (<see cref="Visibility.Projects"/>).
/// </summary>
public static class ListClosures
{
    /// <summary>The status filter's value for projects whose closure has not been started.</summary>
    public const string NotStarted = "NotStarted";

    /// <summary>The status filter's value for terminated projects (撤项), whatever their application's state.</summary>
    public const string Terminated = "Terminated";

    public sealed record Filter(
        int? Year = null,
        string? Status = null,
        int? RegionId = null,
        int? CategoryId = null,
        AppraisalGrade? Grade = null,
        bool Overdue = false,
        double? ReuseAtLeast = null);

    public sealed record Row(
        string ProjectCode,
        string ProjectTitle,
        int Year,
        string CategoryName,
        string LeaderName,
        string UnitName,
        string RegionName,
        ApplicationStatus? Status,
        DateTimeOffset? SubmittedAt,
        AppraisalGrade? Grade,
        string? CertificateNumber,
        DateOnly PlannedCompletion,
        bool Overdue,
        ProjectLifecycleStatus Lifecycle = ProjectLifecycleStatus.Active,
        string? TerminationGround = null,
        ReuseCheckState? ReuseState = null,
        double? ReusePercent = null)
    {
        public string StatusName => Lifecycle == ProjectLifecycleStatus.Terminated ? ProjectLifecycleStatus.Terminated.ToChinese() : ProjectStatus.ToChinese(Status);

        public string GradeName => Grade is null ? "" : Review.ReviewText.GradeName(Grade);

        /// <summary>复制比 as listed: the percentage, 检测中 while queued, empty when never checked.</summary>
        public string ReuseText => ReuseState switch
        {
            ReuseCheckState.Done => $"{ReusePercent:0.0}%",
            ReuseCheckState.Pending => "检测中",
            ReuseCheckState.Failed => "检测失败",
            _ => "",
        };

        /// <summary>True when the viewer may open the application (filled in after the page is read).</summary>
        public bool CanOpen { get; init; }
    }

    // Declared before Sorts, which reads it while the class initialises.
    /// <summary>自建库查重 of the application's current round: its share in per cent, null until checked.</summary>
    private static readonly Expression<Func<FundedProject, double?>> ReusePercent = p =>
        p.Application!.ReuseChecks.Where(c => c.Round == p.Application.Round && c.State == ReuseCheckState.Done).Select(c => c.Percent).FirstOrDefault();

    public static readonly SortMap<FundedProject> Sorts = new SortMap<FundedProject>(p => p.Id)
        .Add("year", p => p.Year, descendingByDefault: true)
        .Add("code", p => p.Code)
        .Add("title", p => p.Title)
        .Add("leader", p => p.OriginalLeader.Name)
        .Add("unit", p => p.Unit.Name)
        .Add("submitted", p => p.Application!.SubmittedAt)
        .Add("planned", p => p.ExtendedCompletion ?? p.PlannedCompletion)
        .Add("reuse", ReusePercent, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ListCounts counts, ITextSearch search)
    {
        public async Task<Paged<Row>> HandleAsync(Filter filter, ListRequest request, CancellationToken cancellationToken = default)
        {
            var today = ChinaTime.Today(clock);
            var projects = Query(filter, request.Term, today);
            var total = await CountAsync(projects, filter, request.Term, today, cancellationToken);
            // A common term fills the page early along the list's order: not every match fetched through the index and sorted.
            if (total > ProjectSearch.CommonTerm)
                projects = Query(filter, request.Term, today, byIndex: false);
            var page = await projects.ToPageAsync(request, Sorts, Projection(today), total, cancellationToken);
            var codes = page.Rows.Where(r => r.Status is not null).Select(r => r.ProjectCode).ToList();
            // The page's projects by code, each asked whether its application is visible: joined the other way round,
            // SQLite read every project of a unit (thousands at 20,000) to find the twenty.
            var visible = db.ClosureApplications.Where(Visibility.Applications(currentUser));
            var openable = await db.FundedProjects
                .Where(p => codes.Contains(p.Code) && visible.Any(a => a.ProjectId == p.Id))
                .Select(p => p.Code)
                .ToListAsync(cancellationToken);
            return page with { Rows = page.Rows.Select(r => r with { CanOpen = openable.Contains(r.ProjectCode) }).ToList() };
        }

        /// <summary>How many rows the export of this filter holds: the page's count, kept alike.</summary>
        public Task<int> CountAsync(Filter filter, ListRequest request, CancellationToken cancellationToken = default)
        {
            var today = ChinaTime.Today(clock);
            return CountAsync(Query(filter, request.Term, today), filter, request.Term, today, cancellationToken);
        }

        /// <summary>
        /// Every matching row in list order, for the Excel export (the same filter and visibility as the page), read from
        /// the database as it is enumerated: never all in memory at once.
        /// </summary>
        public IAsyncEnumerable<Row> All(Filter filter, ListRequest request)
        {
            var today = ChinaTime.Today(clock);
            return Sorts.Apply(Query(filter, request.Term, today), request.Sort, request.Descending)
                .Select(Projection(today))
                .TagWith(StreamedWorkbook.QueryTag)
                .AsAsyncEnumerable();
        }

        // Counting all concluded projects reads one project row each (10,000 and more in a busy year): kept per view.
        private Task<int> CountAsync(IQueryable<FundedProject> projects, Filter filter, string? term, DateOnly today, CancellationToken cancellationToken) =>
            counts.CountAsync(projects, (nameof(ListClosures), filter, term, today, Visibility.ScopeOf(currentUser)), cancellationToken);

        private IQueryable<FundedProject> Query(Filter filter, string? term, DateOnly today, bool byIndex = true)
        {
            var projects = db.FundedProjects.Where(Visibility.Projects(currentUser));
            if (filter.Year is { } year)
                projects = projects.Where(p => p.Year == year);
            if (filter.Status == Terminated)
                projects = projects.Where(p => p.Lifecycle == ProjectLifecycleStatus.Terminated);
            else if (filter.Status == NotStarted)
                projects = projects.Where(p => p.Application == null && p.Lifecycle != ProjectLifecycleStatus.Terminated);
            else if (Enum.TryParse<ApplicationStatus>(filter.Status, out var status))
                projects = projects.Where(p => p.Application != null && p.Application.Status == status && p.Lifecycle != ProjectLifecycleStatus.Terminated);
            if (filter.RegionId is { } regionId)
                projects = projects.Where(p => p.Unit.RegionId == regionId);
            if (filter.CategoryId is { } categoryId)
                projects = projects.Where(p => p.CategoryId == categoryId);
            if (filter.Grade is { } grade)
                projects = projects.Where(p => p.Application!.Opinions.Any(o =>
                    o.Round == p.Application.Round && (o.Stage == ReviewStage.ChiefExpert || o.Stage == ReviewStage.Exemption) && o.Grade == grade));
            if (filter.Overdue)
                projects = projects.Where(IsOverdue(today));
            if (filter.ReuseAtLeast is { } least)
                projects = projects.Where(p => p.Application != null && p.Application.ReuseChecks.Any(c =>
                    c.Round == p.Application.Round && c.State == ReuseCheckState.Done && c.Percent >= least));
            if (term is not null)
                projects = projects.Matching(db, search, term, byIndex: byIndex);
            return projects;
        }
    }

    /// <summary>
    /// 逾期未结项: an active project past its planned completion in force (the register's date, or the last approved
    /// extension's: <see cref="FundedProject.EffectivePlannedCompletion"/>) with no closure ever submitted. The one
    /// overdue rule: the dashboard, this list's filter and its badge all use it.
    /// </summary>
    public static Expression<Func<FundedProject, bool>> IsOverdue(DateOnly today) =>
        p => p.Lifecycle == ProjectLifecycleStatus.Active && (p.ExtendedCompletion ?? p.PlannedCompletion) < today
            && (p.Application == null || p.Application.SubmittedAt == null);

    private static Expression<Func<FundedProject, Row>> Projection(DateOnly today) => p => new Row(
        p.Code,
        p.Title,
        p.Year,
        p.Category.Name,
        p.Application != null ? p.Application.CurrentLeader.Name : p.OriginalLeader.Name,
        p.Unit.Name,
        p.Unit.Region.Name,
        p.Application != null ? p.Application.Status : null,
        p.Application != null ? p.Application.SubmittedAt : null,
        p.Application != null
            ? p.Application.Opinions.Where(o => o.Round == p.Application.Round && (o.Stage == ReviewStage.ChiefExpert || o.Stage == ReviewStage.Exemption))
                .Select(o => o.Grade).FirstOrDefault()
            : null,
        p.Application != null ? p.Application.CertificateNumber : null,
        p.ExtendedCompletion ?? p.PlannedCompletion,
        p.Lifecycle == ProjectLifecycleStatus.Active && (p.ExtendedCompletion ?? p.PlannedCompletion) < today
            && (p.Application == null || p.Application.SubmittedAt == null),
        p.Lifecycle,
        p.TerminationGround,
        p.Application != null
            ? p.Application.ReuseChecks.Where(c => c.Round == p.Application.Round).Select(c => (ReuseCheckState?)c.State).FirstOrDefault()
            : null,
        p.Application != null
            ? p.Application.ReuseChecks.Where(c => c.Round == p.Application.Round && c.State == ReuseCheckState.Done).Select(c => c.Percent).FirstOrDefault()
            : null);
}
