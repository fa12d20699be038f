using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Announcements;

/// <summary>One concluded application's 结项公示 as the city federation manages it: the period and every objection.</summary>
public static class GetAnnouncement
{
    public sealed record View(
        string ProjectCode, string ProjectTitle, string CertificateNumber, string LeaderName, string UnitName,
        ClosureAnnouncement Announcement, AnnouncementStatus Status, DateOnly Today, Paged<AnnouncementObjection> Objections)
    {
        public DateOnly PublishedOn => Announcement.PublishedAt.ChinaDate();

        /// <summary>Objections may be recorded with a date received inside the period and not in the future.</summary>
        public bool TakesObjections => Status.State is not AnnouncementState.Upheld && Today >= PublishedOn;
    }

    /// <summary>In the order received.</summary>
    private static readonly SortMap<AnnouncementObjection> Sorts = new SortMap<AnnouncementObjection>(o => o.Id).Add("received", o => o.ReceivedOn);

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        /// <returns>Null when the project has no announced conclusion.</returns>
        public async Task<View?> HandleAsync(string code, ListRequest list, CancellationToken cancellationToken = default)
        {
            var application = await db.ClosureApplications.AsNoTracking()
                .Where(a => a.Project.Code == code && a.Status == ApplicationStatus.Concluded)
                .Select(a => new { a.Id, a.Project.Code, a.Project.Title, a.CertificateNumber, Leader = a.CurrentLeader.Name, Unit = a.Project.Unit.Name })
                .SingleOrDefaultAsync(cancellationToken);
            if (application is null) return null;
            var announcement = await db.ClosureAnnouncements.AsNoTracking()
                .Include(a => a.Objections)
                .SingleOrDefaultAsync(a => a.ApplicationId == application.Id, cancellationToken);
            if (announcement is null) return null;
            var today = ChinaTime.Today(clock);
            // The state reads every objection's outcome (few); the table shows them a page at a time.
            var objections = await db.AnnouncementObjections.AsNoTracking().Where(o => o.AnnouncementId == announcement.Id)
                .ToPagedAsync(list with { Sort = null }, Sorts, o => o, cancellationToken);
            return new View(application.Code, application.Title, application.CertificateNumber ?? "", application.Leader, application.Unit,
                announcement, AnnouncementStatus.Of(announcement, today), today, objections);
        }
    }
}
