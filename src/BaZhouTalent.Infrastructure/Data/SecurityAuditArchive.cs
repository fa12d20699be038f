using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Data;

/// <summary>
/// 审计记录归档: the only way a security record leaves the database. Records older than the retention
/// (<c>Security:Audit:RetentionDays</c>, at least 180 days) are written to a JSON Lines file with their hashes, then
/// removed in one transaction that moves the head's archive mark to the last of them (so the first record kept still
/// checks against it) and records the archiving itself. The chain is checked first: a broken chain is not archived.
/// </summary>
public sealed class SecurityAuditArchive(
    AppDbContext db, SecurityAudit audit, VerifySecurityAudit.Handler verify, TimeProvider clock,
    IOptions<SecurityOptions> options, ILogger<SecurityAuditArchive> log)
{
    public sealed record Result(bool Archived, string Message, string? File = null);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="before">Archive only records before this China date (and never younger than the retention).</param>
    /// <param name="account">Who runs the command, as the record of the archiving names them.</param>
    public async Task<Result> ArchiveAsync(string directory, DateOnly? before, string account, CancellationToken cancellationToken = default)
    {
        var retention = options.Value.Audit.RetentionDays;
        var cutoff = clock.GetUtcNow().AddDays(-retention);
        if (before is { } date)
        {
            var asked = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
            if (asked > cutoff)
                return new Result(false, $"审计记录须至少保存 {retention} 天：只能归档 {cutoff.ToChina():yyyy-MM-dd HH:mm} 以前的记录。");
            cutoff = asked;
        }

        var check = await verify.HandleAsync(cancellationToken);
        if (!check.Intact)
            return new Result(false, check.Message + " 未归档：请先查明原因。");

        var head = await db.SecurityAuditHeads.AsNoTracking().SingleAsync(h => h.Id == SecurityAuditHead.SingletonId, cancellationToken);
        // The records older than the cutoff that come before every younger one: the chain is archived from its start.
        var firstKept = await db.SecurityEvents.Where(e => e.At >= cutoff).MinAsync(e => (long?)e.Sequence, cancellationToken);
        var last = (firstKept ?? head.LastSequence + 1) - 1;
        var first = head.ArchivedThroughSequence + 1;
        if (last < first)
            return new Result(false, $"没有早于 {cutoff.ToChina():yyyy-MM-dd HH:mm} 的审计记录需要归档。");

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"security-audit-{first:D10}-{last:D10}.jsonl");
        var (count, lastHash) = await WriteAsync(path, first, last, cancellationToken);
        string sha256;
        await using (var file = File.OpenRead(path))
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SecurityEvents.Where(e => e.Sequence >= first && e.Sequence <= last).ExecuteDeleteAsync(cancellationToken);
            await db.SecurityAuditHeads.Where(h => h.Id == SecurityAuditHead.SingletonId).ExecuteUpdateAsync(s => s
                .SetProperty(h => h.ArchivedThroughSequence, last)
                .SetProperty(h => h.ArchivedThroughHash, lastHash), cancellationToken);
            audit.Add(SecurityEventKind.AuditArchived, SecurityOutcome.Success, Path.GetFileName(path),
                $"第 {first} 至 {last} 条，共 {count} 条，早于 {cutoff.ToChina():yyyy-MM-dd HH:mm}；文件 SHA-256 {sha256}",
                account: account, accountName: "命令行");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        log.LogInformation("Archived security records {First}–{Last} ({Count}) to {File}, SHA-256 {Sha256}", first, last, count, path, sha256);
        return new Result(true, $"已归档第 {first} 至 {last} 条审计记录（共 {count} 条）到 {path}，文件 SHA-256 {sha256}。", path);
    }

    private async Task<(long Count, string LastHash)> WriteAsync(string path, long first, long last, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        long count = 0;
        var lastHash = "";
        await using (var writer = new StreamWriter(partial, append: false))
        {
            await foreach (var record in db.SecurityEvents.AsNoTracking().Where(e => e.Sequence >= first && e.Sequence <= last)
                               .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(record, Json));
                count++;
                lastHash = record.Hash;
            }
        }
        // Only a complete file carries the final name.
        File.Move(partial, path, overwrite: true);
        return (count, lastHash);
    }
}
