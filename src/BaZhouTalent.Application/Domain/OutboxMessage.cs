namespace BaZhouTalent.Application.Domain;

/// <summary>
/// An e-mail waiting to be sent (the outbox): written in the same save as the step that caused it and delivered
/// later by the background worker, so a mail server that is down, or a crash after the step, loses nothing.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>Unique: the same notice can never be queued (and so sent) twice.</summary>
    public required string IdempotencyKey { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Delivery attempts begun (counted when a worker claims the row, so a crash mid-send counts too).</summary>
    public int Attempts { get; set; }
    /// <summary>Not before this moment; pushed back after each failure (backoff). Null once given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>A worker's claim: no other worker takes the row until this moment has passed (a crashed worker's claim expires).</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    /// <summary>When the mail server accepted the message; set once, never sent again.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
