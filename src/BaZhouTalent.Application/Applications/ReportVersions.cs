using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// The previous texts of a draft's final report: kept whenever the text is replaced (the newest
/// <see cref="Limit"/>), listed on the report page, restorable one by one.
/// </summary>
public static class ReportVersions
{
    public const int Limit = 10;
    public const string BySaving = "保存";
    public const string ByImport = "导入 Word 文档";
    public const string ByRestore = "恢复历史版本";

    public sealed record Version(int Id, DateTimeOffset ReplacedAt, string ReplacedBy, string Text)
    {
        public ReportOutline Outline => ReportOutline.From(Text);
    }

    public sealed class Handler(IAppDbContext db)
    {
        /// <summary>The versions of the application's report, newest first.</summary>
        public async Task<IReadOnlyList<Version>> ListAsync(int applicationId, CancellationToken cancellationToken = default) =>
            // Ordered by id, which grows with time: SQLite cannot order by a DateTimeOffset column.
            await db.ReportVersions.Where(v => v.ApplicationId == applicationId)
                .OrderByDescending(v => v.Id)
                .Select(v => new Version(v.Id, v.ReplacedAt, v.ReplacedBy, v.Text))
                .ToListAsync(cancellationToken);
    }

    internal static Task<List<int>> IdsNewestFirstAsync(IAppDbContext db, string projectCode, CancellationToken cancellationToken) =>
        db.ReportVersions
            .Where(v => db.ClosureApplications.Any(a => a.Id == v.ApplicationId && a.Project.Code == projectCode))
            .OrderByDescending(v => v.Id).Select(v => v.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Keeps the application's current text as a version and drops those beyond the limit.</summary>
    internal static void Keep(IAppDbContext db, ClosureApplication application, IReadOnlyList<int> keptNewestFirst,
        string replacedBy, DateTimeOffset now)
    {
        db.ReportVersions.Add(new ReportVersion
        {
            ApplicationId = application.Id,
            ReplacedAt = now,
            ReplacedBy = replacedBy,
            Text = application.ReportText,
        });
        db.ReportVersions.RemoveRange(keptNewestFirst.Skip(Limit - 1).Select(id => new ReportVersion { Id = id }));
    }
}
