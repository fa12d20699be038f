namespace BaZhouTalent.Application.Domain;

/// <summary>One backup, by the daily schedule or by the <c>backup</c> command: where it went and how it ended.</summary>
public class BackupRun
{
    public int Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>“计划” (the daily schedule) or “命令” (the command line).</summary>
    public string Trigger { get; set; } = "";
    public string Location { get; set; } = "";
    public long Bytes { get; set; }
    public int Files { get; set; }
    public string Message { get; set; } = "";
}
