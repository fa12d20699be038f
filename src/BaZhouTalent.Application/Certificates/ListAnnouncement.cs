using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Review;
using BaZhouTalent.Application.Workflow;
using Microsoft.EntityFrameworkCore;
using MiniExcel = MiniExcelLibs.MiniExcel;

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

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(int year) => $"{year}年度结项公示名单.xlsx";

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        /// <summary>The years that have certificates, newest first; the current year is always offered.</summary>
        public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
        {
            var numbers = await db.ClosureApplications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Concluded && a.CertificateNumber != null)
                .Select(a => a.CertificateNumber!.Substring(0, 9))
                .Distinct().ToListAsync(cancellationToken);
            var thisYear = CertificateNumbers.YearOf(clock.GetUtcNow());
            return numbers.Select(n => int.TryParse(n.AsSpan(5, 4), out var y) ? y : 0).Where(y => y > 0)
                .Append(thisYear).Distinct().OrderDescending().ToList();
        }

        public Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default) =>
            Concluded(query.Year).ToPagedAsync(query.List, Sorts, Projection(db), cancellationToken);

        /// <summary>The whole year's list as a workbook with Chinese headers, in the page's order.</summary>
        public async Task<byte[]> WorkbookAsync(int year, CancellationToken cancellationToken = default)
        {
            var today = ChinaTime.Today(clock);
            var rows = await Concluded(year).OrderBy(a => a.CertificateNumber).ThenBy(a => a.Id).Select(Projection(db)).ToListAsync(cancellationToken);
            var sheet = rows.Select((r, i) => new Dictionary<string, object>
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
            }).ToList();
            using var stream = new MemoryStream();
            MiniExcel.SaveAs(stream, new Dictionary<string, object> { [$"{year}年度结项公示"] = sheet });
            return stream.ToArray();
        }

        private IQueryable<ClosureApplication> Concluded(int year)
        {
            var prefix = CertificateNumbers.PrefixFor(year);
            return db.ClosureApplications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Concluded && a.CertificateNumber != null && a.CertificateNumber.StartsWith(prefix));
        }
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
