namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A named lease on a job that only one web instance may run at a time (the daily reminders): taken with a
/// conditional update or insert, held until <see cref="ExpiresAt"/>.
/// </summary>
public class JobLease
{
    public required string Name { get; set; }
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
