namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A reminder sent: its key (kind, item, recipient, China date) is unique, so even two instances racing past the
/// lease send one reminder per item per recipient per day.
/// </summary>
public class ReminderRecord
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
