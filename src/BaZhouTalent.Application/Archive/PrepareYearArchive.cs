using System.Security.Claims;
using System.Security.Cryptography;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Notices;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Archive;

/// <summary>
/// The background half of 生成年度归档包 (run by each instance's worker): takes a queued job — or one whose instance
/// stopped, once its lease has expired — and writes the year's zip into the archive folder as
/// <c>archive-YEAR-ID.zip.partial</c>, renewing its lease and recording its progress after every application, then renames
/// it and records its size and SHA-256. A failure deletes the partial file and records a Chinese reason, so a half file
/// is never offered. A job is begun at most <see cref="YearArchiveOptions.MaxAttempts"/> times (a killed instance's job is
/// begun again from its first application by the next worker that finds its lease expired), then marked failed.
/// </summary>
public static class PrepareYearArchive
{
    public const string FileSuffix = ".zip";
    public const string PartialSuffix = ".partial";

    /// <summary>The finished zip's name in the archive folder (ASCII: the folder may be a share of any kind).</summary>
    public static string FileName(YearArchiveJob job) => $"archive-{job.Year}-{job.Id:D6}{FileSuffix}";

    /// <summary>Said when the instance that was writing a job stopped too often.</summary>
    public const string AbandonedMessage = "生成过程中运行该任务的服务实例多次中断，未生成归档包。可重新生成；如再次失败，请告知系统管理员。";

    public const string AccountMessage = "发起生成的账号已不存在、已停用或已不是市社科联管理员，未生成归档包。请重新生成。";

    public sealed class Handler(
        IAppDbContext db,
        BuildArchive.Handler archive,
        UserManager<AppUser> users,
        IUserClaimsPrincipalFactory<AppUser> principals,
        WorkerIdentity me,
        TimeProvider clock,
        IOptions<YearArchiveOptions> options,
        ILogger<Handler> log)
    {
        private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

        private string Folder => options.Value.Directory ?? throw new InvalidOperationException("Archive:Directory is resolved on start.");

        /// <summary>Takes one job (queued, or abandoned by a stopped instance) and runs it to its end; false when there was none.</summary>
        public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
        {
            await GiveUpAbandonedAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var candidates = await db.YearArchiveJobs.AsNoTracking()
                .Where(j => j.Status == YearArchiveStatus.Queued || (j.Status == YearArchiveStatus.Running && j.LeaseExpiresAt <= now))
                .OrderBy(j => j.Id).Select(j => j.Id).Take(10).ToListAsync(cancellationToken);
            foreach (var id in candidates)
            {
                if (await ClaimAsync(id, now, cancellationToken) is not { } job) continue;
                await RunAsync(job, cancellationToken);
                return true;
            }
            return false;
        }

        /// <summary>Jobs abandoned by a stopped instance that were begun as often as allowed: failed, with the reason.</summary>
        private async Task GiveUpAbandonedAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var given = await db.YearArchiveJobs
                .Where(j => j.Status == YearArchiveStatus.Running && j.LeaseExpiresAt <= now && j.Attempts >= options.Value.MaxAttempts)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, YearArchiveStatus.Failed).SetProperty(j => j.Error, AbandonedMessage)
                    .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Holder, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null),
                    cancellationToken);
            if (given > 0)
                log.LogError("{Count} year archive job(s) given up after {Attempts} attempts whose instance stopped", given, options.Value.MaxAttempts);
        }

        /// <summary>One conditional UPDATE: of two workers claiming the same job, one changes the row and the other none.</summary>
        private async Task<YearArchiveJob?> ClaimAsync(int id, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var until = now + Lease;
            var claimed = await db.YearArchiveJobs
                .Where(j => j.Id == id && (j.Status == YearArchiveStatus.Queued || (j.Status == YearArchiveStatus.Running && j.LeaseExpiresAt <= now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, YearArchiveStatus.Running).SetProperty(j => j.Holder, me.Name)
                    .SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, now).SetProperty(j => j.Done, 0).SetProperty(j => j.Bytes, 0L), cancellationToken);
            return claimed == 1 ? await db.YearArchiveJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken) : null;
        }

        private async Task RunAsync(YearArchiveJob job, CancellationToken cancellationToken)
        {
            var partial = PartialPath(job, job.Attempts);
            log.LogInformation("Year archive {Year} (job {Job}, attempt {Attempt}) begun by {Holder}", job.Year, job.Id, job.Attempts, me.Name);
            try
            {
                Directory.CreateDirectory(Folder);
                DeleteEarlierAttempts(job);
                var user = await RequesterAsync(job.RequestedByUserId) ?? throw new YearArchiveFailedException(AccountMessage);
                var total = await BuildArchive.OfYear(db, job.Year).CountAsync(cancellationToken);
                await ReportAsync(job, 0, 0, total, cancellationToken);
                int done;
                string sha256;
                long bytes;
                await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous))
                await using (var hashed = new HashingStream(file))
                {
                    done = await archive.YearAsync(job.Year, options.Value.PortalBaseUrl ?? "", user, hashed,
                        (written, length) => ReportAsync(job, written, length, null, cancellationToken), cancellationToken);
                    await hashed.FlushAsync(cancellationToken);
                    file.Flush(flushToDisk: true);
                    sha256 = hashed.Sha256();
                    bytes = file.Length;
                }
                await FinishAsync(job, partial, done, bytes, sha256, cancellationToken);
            }
            catch (LeaseLostException)
            {
                File.Delete(partial);
                log.LogWarning("Year archive job {Job}: another instance took it over; this attempt's file deleted", job.Id);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // This instance is stopping: the job goes back to the queue for the next worker, this attempt not counted.
                File.Delete(partial);
                await db.YearArchiveJobs.Where(j => j.Id == job.Id && j.Holder == me.Name)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, YearArchiveStatus.Queued).SetProperty(j => j.Holder, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null).SetProperty(j => j.Attempts, j => j.Attempts - 1), CancellationToken.None);
                log.LogInformation("Year archive job {Job} put back in the queue: this instance is stopping", job.Id);
            }
            catch (Exception e)
            {
                File.Delete(partial);
                log.LogError(e, "Year archive {Year} (job {Job}) failed; its partial file deleted", job.Year, job.Id);
                var message = e is YearArchiveFailedException failed ? failed.Message : Describe(e);
                await db.YearArchiveJobs.Where(j => j.Id == job.Id && j.Holder == me.Name)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, YearArchiveStatus.Failed).SetProperty(j => j.Error, message)
                        .SetProperty(j => j.FinishedAt, clock.GetUtcNow()).SetProperty(j => j.Holder, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            }
        }

        /// <summary>Progress and the lease in one UPDATE; none changed means another instance holds the job now.</summary>
        private async Task ReportAsync(YearArchiveJob job, int done, long bytes, int? total, CancellationToken cancellationToken)
        {
            var until = clock.GetUtcNow() + Lease;
            var mine = db.YearArchiveJobs.Where(j => j.Id == job.Id && j.Holder == me.Name && j.Status == YearArchiveStatus.Running);
            var updated = total is { } count
                ? await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Bytes, bytes)
                    .SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.Total, count), cancellationToken)
                : await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Bytes, bytes)
                    .SetProperty(j => j.LeaseExpiresAt, until), cancellationToken);
            if (updated == 0) throw new LeaseLostException();
        }

        private async Task FinishAsync(YearArchiveJob job, string partial, int done, long bytes, string sha256, CancellationToken cancellationToken)
        {
            var name = FileName(job);
            var path = Path.Combine(Folder, name);
            File.Move(partial, path, overwrite: true);
            var now = clock.GetUtcNow();
            int finished;
            try
            {
                finished = await db.YearArchiveJobs.Where(j => j.Id == job.Id && j.Holder == me.Name && j.Status == YearArchiveStatus.Running)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.Status, YearArchiveStatus.Succeeded).SetProperty(j => j.FinishedAt, now)
                        .SetProperty(j => j.Done, done).SetProperty(j => j.Total, done).SetProperty(j => j.Bytes, bytes)
                        .SetProperty(j => j.FileName, name).SetProperty(j => j.Sha256, sha256)
                        .SetProperty(j => j.Holder, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
            }
            catch
            {
                // Not recorded as finished: the file must not stay where a row could ever name it.
                File.Delete(path);
                throw;
            }
            if (finished == 0)
            {
                File.Delete(path);
                throw new LeaseLostException();
            }
            log.LogInformation("Year archive {Year} (job {Job}) finished: {Applications} applications, {Bytes} bytes, SHA-256 {Sha256}",
                job.Year, job.Id, done, bytes, sha256);
            await ReplaceOlderAsync(job.Year, cancellationToken);
        }

        /// <summary>The year's finished zips beyond <see cref="YearArchiveOptions.KeepPerYear"/>, oldest first: deleted, their rows kept as replaced.</summary>
        private async Task ReplaceOlderAsync(int year, CancellationToken cancellationToken)
        {
            var older = await db.YearArchiveJobs.AsNoTracking()
                .Where(j => j.Year == year && j.Status == YearArchiveStatus.Succeeded && j.FileName != null)
                .OrderByDescending(j => j.Id).Skip(options.Value.KeepPerYear).Select(j => new { j.Id, j.FileName }).ToListAsync(cancellationToken);
            foreach (var old in older)
            {
                await db.YearArchiveJobs.Where(j => j.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.FileName, (string?)null), cancellationToken);
                File.Delete(Path.Combine(Folder, old.FileName!));
                log.LogInformation("Year archive {Year}: job {Job}'s file {File} replaced by a newer one and deleted", year, old.Id, old.FileName);
            }
        }

        /// <summary>The requester as the archive's reader (what they may see goes in), while still an enabled 市社科联 account.</summary>
        private async Task<ClaimsPrincipal?> RequesterAsync(string userId)
        {
            if (await users.FindByIdAsync(userId) is not { IsDisabled: false } account) return null;
            var principal = await principals.CreateAsync(account);
            return principal.IsInRole(Roles.MunicipalFederation) ? principal : null;
        }

        private string PartialPath(YearArchiveJob job, int attempt) => Path.Combine(Folder, $"{FileName(job)}.{attempt}{PartialSuffix}");

        /// <summary>What an earlier attempt (an instance that stopped) left behind.</summary>
        private void DeleteEarlierAttempts(YearArchiveJob job)
        {
            for (var attempt = 1; attempt < job.Attempts; attempt++)
                File.Delete(PartialPath(job, attempt));
        }

        private static string Describe(Exception e)
        {
            var code = e is ArchiveApplicationException at ? at.Code : null;
            var cause = (e is ArchiveApplicationException ? e.InnerException : e) switch
            {
                StoredFileCorruptException => "一份存储的文件与记录的校验值不符",
                IOException => "读写文件失败（存储不可用或磁盘已满）",
                _ => "系统内部错误",
            };
            var where = code is null ? "写入归档包时" : $"生成到立项编号 {code} 时";
            return $"{where}出错：{cause}。未生成归档包，也未留下不完整的文件。可重新生成；如再次失败，请告知系统管理员。";
        }
    }

    /// <summary>A job ended for a reason the administrator is told as it is (Chinese).</summary>
    private sealed class YearArchiveFailedException(string message) : Exception(message);

    /// <summary>Another instance holds the job now (this one's lease had expired).</summary>
    private sealed class LeaseLostException() : Exception("The year archive job's lease was lost.");

    /// <summary>Passes writes on to the file and hashes them, so the finished zip's SHA-256 needs no second read.</summary>
    private sealed class HashingStream(Stream inner) : WriteOnlyStream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing) hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
