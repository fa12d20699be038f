using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Archive;

/// <summary>年度归档包: the jobs, newest first, one page at a time, with their progress and the finished file.</summary>
public static class ListYearArchives
{
    public sealed record Row(int Id, int Year, YearArchiveStatus Status, string RequestedByName, DateTimeOffset RequestedAt,
        DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Total, int Done, long Bytes, string? FileName, string? Sha256, string? Error)
    {
        public bool UnderWay => Status is YearArchiveStatus.Queued or YearArchiveStatus.Running;

        /// <summary>Finished, and its file not yet replaced by a newer one.</summary>
        public bool Downloadable => Status == YearArchiveStatus.Succeeded && FileName is not null;
    }

    public sealed record Result(Paged<Row> Jobs, bool AnyUnderWay);

    /// <summary>Newest first: ids grow with the starts (the clock could give two starts the same time).</summary>
    private static readonly SortMap<YearArchiveJob> Order = new SortMap<YearArchiveJob>(j => j.Id).Add("newest", j => j.Id, descendingByDefault: true);

    public sealed class Handler(IAppDbContext db)
    {
        public async Task<Result> HandleAsync(ListRequest request, CancellationToken cancellationToken = default)
        {
            var jobs = await db.YearArchiveJobs.AsNoTracking().ToPagedAsync(request, Order,
                j => new Row(j.Id, j.Year, j.Status, j.RequestedByName, j.RequestedAt, j.StartedAt, j.FinishedAt, j.Total, j.Done, j.Bytes,
                    j.FileName, j.Sha256, j.Error), cancellationToken);
            // Another page may hold the job under way: the page keeps refreshing while any is.
            var anyUnderWay = jobs.Rows.Any(r => r.UnderWay) || await db.YearArchiveJobs
                .AnyAsync(j => j.Status == YearArchiveStatus.Queued || j.Status == YearArchiveStatus.Running, cancellationToken);
            return new Result(jobs, anyUnderWay);
        }

        /// <summary>The finished zip of job <paramref name="id"/>, as its name in the archive folder and the year; null when there is none to offer.</summary>
        public Task<Download?> DownloadAsync(int id, CancellationToken cancellationToken = default) =>
            db.YearArchiveJobs.AsNoTracking()
                .Where(j => j.Id == id && j.Status == YearArchiveStatus.Succeeded && j.FileName != null)
                .Select(j => new Download(j.Year, j.FileName!, j.Sha256 ?? ""))
                .FirstOrDefaultAsync(cancellationToken);
    }

    public sealed record Download(int Year, string FileName, string Sha256);
}
