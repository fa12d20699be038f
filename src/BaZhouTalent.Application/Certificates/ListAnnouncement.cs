using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Certificates;

/// <summary>
/// 结项公示: the projects concluded in one certificate year, in certificate-number order, as a page and as .xlsx.
/// The year is the certificate's (the year of approval), not the project's year of funding.
/// </summary>
public static class ListAnnouncement
{
    public sealed record Query(int Year, ListRequest List);

    public sealed record Row(
        string CertificateNumber, string ProjectCode, string ProjectTitle, string Category,
        string LeaderName, string UnitName, AppraisalGrade? Grade, DateTimeOffset ConcludedAt,
        DateOnly? AnnouncedUntil = null, bool AnyUpheld = false, bool AnyStanding = false)
    {
        public string GradeName => ReviewText.GradeName(Grade);

        /// <summary>结项公示 on <paramref name="today"/>: null when concluded without one (certificate at once).</summary>
        public AnnouncementState? StateOn(DateOnly today) =>
            AnnouncedUntil is { } until ? ClosureAnnouncement.StateOf(until, AnyUpheld, AnyStanding, today) : null;

        /// <summary>The 公示 column: 公示中（至 M月D日）, 有异议待处理, 异议成立，不颁发证书, or 证书已颁发.</summary>
        public string AnnouncementText(DateOnly today) => StateOn(today) switch
        {
            AnnouncementState.Running => $"公示中（至 {AnnouncedUntil!.Value.Year}年{AnnouncedUntil.Value.Month}月{AnnouncedUntil.Value.Day}日）",
            { } state and not AnnouncementState.Ended => ClosureAnnouncement.StateName(state),
            _ => "证书已颁发",
        };
    }

    public const string ContentType = StreamedWorkbook.ContentType;

    public static string FileName(int year) => $"{year}年度结项公示名单.xlsx";

    public sealed class Handler(IAppDbContext db, TimeProvider clock, ListCounts counts)
    {
        /// <summary>
        /// The years that have certificates, newest first; the current year is always offered. Found along the
        /// (status, certificate number) index — the first and the last number, then one seek per year between — not by reading every
        /// concluded application, and kept like the lists' counts.
        /// </summary>
        public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
        {
            var thisYear = CertificateNumbers.YearOf(clock.GetUtcNow());
            var years = await counts.KeepAsync((nameof(ListAnnouncement), "years"), async () =>
            {
                var first = await Certified().OrderBy(a => a.CertificateNumber).Select(a => a.CertificateNumber).FirstOrDefaultAsync(cancellationToken);
                var last = await Certified().OrderByDescending(a => a.CertificateNumber).Select(a => a.CertificateNumber).FirstOrDefaultAsync(cancellationToken);
                var found = new List<int>();
                if (first is null || last is null || !int.TryParse(first.AsSpan(5, 4), out var firstYear)
                    || !int.TryParse(last.AsSpan(5, 4), out var lastYear)) return found;
                for (var year = firstYear; year <= lastYear; year++)
                    if (await InYear(Certified(), year).AnyAsync(cancellationToken))
                        found.Add(year);
                return found;
            });
            return years.Append(thisYear).Distinct().OrderDescending().ToList();
        }

        /// <summary>A page of the year's list; its count kept until the next saved change (<see cref="ListCounts"/>).</summary>
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var concluded = Concluded(query.Year);
            var total = await counts.CountAsync(concluded, (nameof(ListAnnouncement), query.Year), cancellationToken);
            return await concluded.ToPageAsync(query.List, Sorts, Projection(db), total, cancellationToken);
        }

        /// <summary>
        /// The whole year's list as a workbook with Chinese headers, in the page's order, written to
        /// <paramref name="output"/> as its rows are read (<see cref="StreamedWorkbook"/>).
        /// </summary>
        public Task WriteWorkbookAsync(int year, Stream output, CancellationToken cancellationToken = default)
        {
            var today = ChinaTime.Today(clock);
            var rows = Concluded(year).OrderBy(a => a.CertificateNumber).ThenBy(a => a.Id).Select(Projection(db)).TagWith(StreamedWorkbook.QueryTag).AsAsyncEnumerable()
                .Select((r, i) => new Dictionary<string, object>
                {
                    ["序号"] = i + 1,
                    ["结项证书编号"] = r.CertificateNumber,
                    ["立项编号"] = r.ProjectCode,
                    ["项目名称"] = r.ProjectTitle,
                    ["项目类别"] = r.Category,
                    ["项目负责人"] = r.LeaderName,
                    ["所在单位"] = r.UnitName,
                    ["鉴定等级"] = r.GradeName,
                    ["结项日期"] = r.ConcludedAt.ChinaDate().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["公示截止日期"] = r.AnnouncedUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    ["公示状态"] = r.AnnouncementText(today),
                });
            return StreamedWorkbook.WriteAsync(output, $"{year}年度结项公示", rows, null, cancellationToken);
        }

        private IQueryable<ClosureApplication> Certified() =>
            db.ClosureApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Concluded && a.CertificateNumber != null);

        private IQueryable<ClosureApplication> Concluded(int year) => InYear(Certified(), year);
    }

    /// <summary>
    /// The certificates numbered in <paramref name="year"/>: a range of the number (巴社科结〔year〕 up to the next
    /// character after 〕), which the (status, certificate number) index serves on every provider — a StartsWith
    /// becomes a LIKE, which SQLite's index cannot serve on a case-sensitive column.
    /// </summary>
    public static IQueryable<ClosureApplication> InYear(IQueryable<ClosureApplication> certified, int year)
    {
        var from = CertificateNumbers.PrefixFor(year);
        var until = from[..^1] + (char)(from[^1] + 1);
        return certified.Where(a => string.Compare(a.CertificateNumber, from) >= 0 && string.Compare(a.CertificateNumber, until) < 0);
    }

    private static readonly SortMap<ClosureApplication> Sorts = new SortMap<ClosureApplication>(a => a.Id).Add("number", a => a.CertificateNumber);

    private static System.Linq.Expressions.Expression<Func<ClosureApplication, Row>> Projection(IAppDbContext db) => a => new Row(
        a.CertificateNumber!,
        a.Project.Code,
        a.Project.Title,
        a.Project.Category.Name,
        a.CurrentLeader.Name,
        a.Project.Unit.Name,
        a.Opinions.Where(o => o.Round == a.Round && (o.Stage == ReviewStage.ChiefExpert || o.Stage == ReviewStage.Exemption))
            .OrderByDescending(o => o.SignedAt).Select(o => o.Grade).FirstOrDefault(),
        a.UpdatedAt,
        db.ClosureAnnouncements.Where(n => n.ApplicationId == a.Id).Select(n => (DateOnly?)n.EndsOn).FirstOrDefault(),
        db.AnnouncementObjections.Any(o => o.Outcome == ObjectionOutcome.Upheld && db.ClosureAnnouncements.Any(n => n.Id == o.AnnouncementId && n.ApplicationId == a.Id)),
        db.AnnouncementObjections.Any(o => o.Outcome == null && db.ClosureAnnouncements.Any(n => n.Id == o.AnnouncementId && n.ApplicationId == a.Id)));
}
