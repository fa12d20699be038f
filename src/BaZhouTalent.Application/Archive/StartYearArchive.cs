using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Archive;

/// <summary>
/// 生成年度归档包: queues a year's archive for the background worker (<see cref="PrepareYearArchive"/>). One queued or
/// running job per year (a unique index): a start while one is under way, or two starts at once, end at that one job.
/// </summary>
public static class StartYearArchive
{
    public sealed class Command
    {
        public int? Year { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).NotNull().WithMessage("请填写立项年度。")
                .InclusiveBetween(2000, 2100).WithMessage("立项年度应为 2000 至 2100 之间的年份。");
        }
    }

    public enum Result
    {
        Started,
        /// <summary>A job of the year was already queued or running: that one goes on.</summary>
        AlreadyUnderWay,
        /// <summary>The year has no closed application: nothing to archive.</summary>
        Empty,
    }

    public sealed record Outcome(Result Result, int? JobId);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, YearArchiveSignal signal, ILogger<Handler> log)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var year = command.Year!.Value;
            if (await UnderWayAsync(year, cancellationToken) is { } running)
                return new Outcome(Result.AlreadyUnderWay, running);
            if (!await BuildArchive.OfYear(db, year).AnyAsync(cancellationToken))
                return new Outcome(Result.Empty, null);
            var job = new YearArchiveJob
            {
                Year = year, Status = YearArchiveStatus.Queued, RequestedAt = clock.GetUtcNow(),
                RequestedByUserId = user.UserId ?? "", RequestedByName = user.DisplayName,
            };
            db.YearArchiveJobs.Add(job);
            if (!await db.SaveUnlessTakenAsync(cancellationToken))
                return new Outcome(Result.AlreadyUnderWay, await UnderWayAsync(year, cancellationToken));
            log.LogInformation("Year archive {Year} queued as job {Job} by {User}", year, job.Id, user.UserName);
            signal.Poke();
            return new Outcome(Result.Started, job.Id);
        }

        private Task<int?> UnderWayAsync(int year, CancellationToken cancellationToken) =>
            db.YearArchiveJobs.AsNoTracking()
                .Where(j => j.Year == year && (j.Status == YearArchiveStatus.Queued || j.Status == YearArchiveStatus.Running))
                .Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
