using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Announcements;

/// <summary>Where one application's 结项公示 stands today: null state when it had none (its certificate issued at conclusion).</summary>
public sealed record AnnouncementStatus(AnnouncementState? State, DateOnly? EndsOn)
{
    public static AnnouncementStatus None { get; } = new(null, null);

    /// <summary>The certificate may be printed, downloaded, archived and confirmed by /verify.</summary>
    public bool CertificateIssued => State is null or AnnouncementState.Ended;

    /// <summary>What the researcher, the public and the federation read, e.g. “结项公示中，公示期至 2026年12月14日”.</summary>
    public string? Text => State switch
    {
        AnnouncementState.Running => $"结项公示中，公示期至 {ChineseDate(EndsOn!.Value)}；期满无异议后颁发结项证书。",
        AnnouncementState.Objected => $"结项公示期间收到异议，正在处理（公示期至 {ChineseDate(EndsOn!.Value)}）；异议处理完毕且公示期满后颁发结项证书。",
        AnnouncementState.Upheld => "结项公示期间收到的异议经市社科联核查成立，不颁发结项证书。",
        _ => null,
    };

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The status of <paramref name="applicationId"/> on the China date of <paramref name="clock"/>.</summary>
    public static async Task<AnnouncementStatus> LoadAsync(IAppDbContext db, int applicationId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var announcement = await db.ClosureAnnouncements.AsNoTracking().Include(a => a.Objections)
            .SingleOrDefaultAsync(a => a.ApplicationId == applicationId, cancellationToken);
        return Of(announcement, ChinaTime.Today(clock));
    }

    public static AnnouncementStatus Of(ClosureAnnouncement? announcement, DateOnly today) =>
        announcement is null ? None : new(announcement.StateOn(today), announcement.EndsOn);
}

/// <summary>Where one application's 结项公示 stands today, for pages that show it beside the certificate.</summary>
public static class GetAnnouncementStatus
{
    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        public Task<AnnouncementStatus> HandleAsync(int applicationId, CancellationToken cancellationToken = default) =>
            AnnouncementStatus.LoadAsync(db, applicationId, clock, cancellationToken);
    }
}
