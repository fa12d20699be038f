namespace BaZhouTalent.Application.Domain;

public enum YearArchiveStatus
{
    /// <summary>排队中: waiting for an instance's worker.</summary>
    Queued,
    /// <summary>生成中: an instance holds its lease and writes the zip.</summary>
    Running,
    /// <summary>已完成: the zip is in the archive folder under <see cref="YearArchiveJob.FileName"/> (until a newer one replaces it).</summary>
    Succeeded,
    /// <summary>失败: nothing is offered; <see cref="YearArchiveJob.Error"/> says why, in Chinese.</summary>
    Failed,
}

/// <summary>
/// A year's 归档 prepared in the background: who asked and when, its progress while an instance writes it (that
/// instance's lease renewed with every application), and the finished file with its SHA-256. One queued or running job
/// per year, held by a unique index.
/// </summary>
public class YearArchiveJob
{
    public int Id { get; set; }
    public int Year { get; set; }
    public YearArchiveStatus Status { get; set; }
    public string RequestedByUserId { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Applications the year holds (counted when the work starts) and written so far.</summary>
    public int Total { get; set; }
    public int Done { get; set; }
    /// <summary>Bytes of the zip written so far; its size once finished.</summary>
    public long Bytes { get; set; }
    /// <summary>The finished zip's name in the archive folder; null while unfinished, after a failure and once replaced.</summary>
    public string? FileName { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the finished zip.</summary>
    public string? Sha256 { get; set; }
    /// <summary>Why it failed, for the administrator (Chinese).</summary>
    public string? Error { get; set; }
    /// <summary>The worker writing it (<c>WorkerIdentity</c>) and until when its lease holds; another instance takes over after.</summary>
    public string? Holder { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    /// <summary>Times a worker began it (a takeover after a lost instance begins it again).</summary>
    public int Attempts { get; set; }
}
