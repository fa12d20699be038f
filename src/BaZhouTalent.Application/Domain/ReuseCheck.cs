namespace BaZhouTalent.Application.Domain;

/// <summary>A report in the fingerprint index: one submitted round of one application (docs/reuse.md).</summary>
public class ReuseDocument
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Round { get; set; }
    /// <summary>Normalised characters (Han, Latin letters, digits) of the report.</summary>
    public int Characters { get; set; }
    public int Fingerprints { get; set; }
    public DateTimeOffset IndexedAt { get; set; }
}

/// <summary>
/// One winnowed fingerprint of an indexed report: the table a new report's candidates are found in without reading any
/// other report's text. Keyed (Hash, DocumentId, Position), so a lookup by hash reads the index alone. No foreign key to
/// <see cref="ReuseDocument"/>: a cascade would need a second index on DocumentId as large as the first.
/// </summary>
public class ReuseFingerprint
{
    public long Hash { get; set; }
    public int DocumentId { get; set; }
    /// <summary>Where the k-gram starts, in the report's normalised characters.</summary>
    public int Position { get; set; }
}

public enum ReuseCheckState
{
    /// <summary>Waiting for the worker (also after a failed attempt, until given up).</summary>
    Pending = 0,
    Done = 1,
    /// <summary>Given up after <c>Closure:Reuse:MaxAttempts</c>; the error is kept.</summary>
    Failed = 2,
}

/// <summary>
/// 自建库查重 of one application's report in one round: queued in the same save as the submission (the outbox style of
/// docs/notices.md), run by the background worker after the commit, its result kept for the round.
/// </summary>
public class ReuseCheck
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Round { get; set; }
    public ReuseCheckState State { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>Not before this moment (backoff after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>A worker's claim: no other worker runs the check until this has passed.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Normalised characters of the report.</summary>
    public int Characters { get; set; }
    /// <summary>Of those, the ones inside matched passages.</summary>
    public int MatchedCharacters { get; set; }
    /// <summary>The share in per cent, one decimal; null until done.</summary>
    public double? Percent { get; set; }
    public List<ReuseSource> Sources { get; set; } = [];
}

/// <summary>A report the checked one shares passages with, ranked by the shared length.</summary>
public class ReuseSource
{
    public int Id { get; set; }
    public int CheckId { get; set; }
    public int Rank { get; set; }
    public int SourceApplicationId { get; set; }
    public int SourceRound { get; set; }
    public int SharedCharacters { get; set; }
    public List<ReusePassage> Passages { get; set; } = [];
}

/// <summary>One matched passage: its place in the checked report and in the source, as UTF-16 offsets into each
/// report's text of its round, and its length in normalised characters.</summary>
public class ReusePassage
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public int Start { get; set; }
    public int Length { get; set; }
    public int SourceStart { get; set; }
    public int SourceLength { get; set; }
    public int Characters { get; set; }
}
