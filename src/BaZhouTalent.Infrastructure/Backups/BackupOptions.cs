namespace BaZhouTalent.Infrastructure.Backups;

/// <summary>Section “Backup”: where backups go and the daily schedule.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>The folder that receives backups (relative to the content root); each backup is a folder inside it.</summary>
    public string Directory { get; set; } = "backups";

    /// <summary>Take a backup every day; unset means on outside Development, off in Development and on SQL Server.</summary>
    public bool? Daily { get; set; }

    /// <summary>China time of day of the daily backup, e.g. <c>02:30</c>.</summary>
    public TimeOnly DailyAt { get; set; } = new(2, 30);

    /// <summary>How many backups the schedule keeps in <see cref="Directory"/>; older ones are deleted after a good backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Folder of pg_dump and pg_restore (e.g. <c>/usr/lib/postgresql/15/bin</c>); empty means the PATH.</summary>
    public string? PostgreSqlTools { get; set; }
}
