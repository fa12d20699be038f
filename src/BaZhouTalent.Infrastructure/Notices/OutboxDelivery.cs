using BaZhouTalent.Application.Notices;
using BaZhouTalent.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Infrastructure.Notices;

/// <summary>
/// Delivers the outbox. Each due row is first claimed with one conditional UPDATE (unsent, and unclaimed or its
/// claim expired), so two instances never send the same row; the attempt is counted with the claim, so a crash
/// mid-send counts too. Sent rows get <c>SentAt</c> after the server's accept and are never picked again; a failure
/// records the error and pushes the next attempt back (1, 2, 4 … minutes, at most an hour). A worker that dies
/// holding a claim only delays the row until the claim expires.
/// </summary>
public sealed class OutboxDelivery(
    AppDbContext db,
    IMailSender sender,
    TimeProvider clock,
    WorkerIdentity me,
    IOptions<NoticeOptions> options,
    ILogger<OutboxDelivery> log)
{
    /// <summary>How long a claim holds: far longer than one SMTP exchange may take (MailKit times out at 60 s).</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private const int BatchSize = 50;

    public static TimeSpan Backoff(int attempts) => Application.Notices.Backoff.After(attempts);

    /// <returns>How many messages the mail server accepted in this pass.</returns>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Smtp.IsConfigured)
            return 0;
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now
                && (m.LockedUntil == null || m.LockedUntil <= now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var id in due)
        {
            if (await TryDeliverAsync(id, cancellationToken))
                delivered++;
        }
        return delivered;
    }

    private async Task<bool> TryDeliverAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimedUntil = now + ClaimDuration;
        var holder = me.Name;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntil, claimedUntil)
                .SetProperty(m => m.LockedBy, holder)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return false; // another worker took it first

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = message.Attempts >= options.Value.MaxAttempts;
            DateTimeOffset? next = giveUp ? null : clock.GetUtcNow() + Backoff(message.Attempts);
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > 1000) error = error[..1000];
            await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == holder)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (giveUp)
                log.LogError(e, "Outbox message {Id} to {Address} given up after {Attempts} attempts", id, message.ToAddress, message.Attempts);
            else
                log.LogWarning("Outbox message {Id} attempt {Attempts} failed ({Error}); next at {Next}", id, message.Attempts, error, next);
            return false;
        }

        // Accepted by the server: record it whatever happened to the claim meanwhile, so it is never sent again.
        var sentAt = clock.GetUtcNow();
        await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        log.LogInformation("Outbox message {Id} sent after {Attempts} attempt(s)", id, message.Attempts);
        return true;
    }
}
