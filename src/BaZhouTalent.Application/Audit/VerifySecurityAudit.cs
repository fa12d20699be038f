using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Audit;

/// <summary>
/// 审计记录完整性校验: reads the chain from its first kept record to the head and recomputes every link. The first
/// record whose sequence, predecessor or content does not hold is named; a removed tail is found through the head.
/// </summary>
public static class VerifySecurityAudit
{
    /// <param name="Checked">Records read.</param>
    /// <param name="BrokenAt">The sequence of the first record that does not hold, or null when the chain is whole.</param>
    public sealed record Result(long Checked, long? BrokenAt, string Message)
    {
        public bool Intact => BrokenAt is null;
    }

    public sealed class Handler(IAppDbContext db)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken = default)
        {
            var head = await db.SecurityAuditHeads.AsNoTracking().SingleAsync(h => h.Id == SecurityAuditHead.SingletonId, cancellationToken);
            var expected = head.ArchivedThroughSequence + 1;
            var previous = head.ArchivedThroughHash;
            long count = 0;
            await foreach (var record in db.SecurityEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                count++;
                if (record.Sequence != expected)
                    return Broken(count, expected, record.Sequence < expected
                        ? $"第 {expected} 条记录的序号被改动（读到序号 {record.Sequence}）"
                        : $"第 {expected} 条记录缺失或其序号被改动（其后为第 {record.Sequence} 条）");
                if (record.PreviousHash != previous)
                    return Broken(count, expected, $"第 {expected} 条记录（{Describe(record)}）的前序校验值与上一条记录不符：该记录或其前一条记录已被改动");
                if (record.ComputeHash() != record.Hash)
                    return Broken(count, expected, $"第 {expected} 条记录（{Describe(record)}）的内容与其校验值不符：该记录已被改动");
                previous = record.Hash;
                expected++;
            }
            if (head.LastSequence != expected - 1)
                return head.LastSequence > expected - 1
                    ? Broken(count, expected, $"第 {expected} 条至第 {head.LastSequence} 条记录缺失")
                    : Broken(count, head.LastSequence + 1, $"第 {head.LastSequence + 1} 条记录不在链头之内：链头已被改动或记录是后来插入的");
            if (head.LastHash != previous)
                return Broken(count, head.LastSequence, $"第 {head.LastSequence} 条记录与链头记载的校验值不符：该记录或链头已被改动");
            var from = head.ArchivedThroughSequence > 0 ? $"（第 {head.ArchivedThroughSequence} 条及以前已归档）" : "";
            return new Result(count, null, $"审计记录完整：共 {count} 条，校验链无断裂{from}。");
        }

        private static Result Broken(long count, long sequence, string message) => new(count, sequence, "审计记录校验未通过：" + message + "。");

        private static string Describe(SecurityEvent record) =>
            $"{record.At.ToChina():yyyy-MM-dd HH:mm:ss} {SecurityEventNames.ToChinese(record.Kind)} {record.Account}".TrimEnd();
    }
}
