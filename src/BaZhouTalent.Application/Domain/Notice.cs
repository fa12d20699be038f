namespace BaZhouTalent.Application.Domain;

/// <summary>
/// 站内通知: one message in a user's message centre, written with the step that caused it (same save).
/// Its text names nothing beyond what the recipient may see (see <c>HandOverNotices</c>).
/// </summary>
public class Notice
{
    public long Id { get; set; }
    public required string RecipientUserId { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    /// <summary>The portal path where the recipient acts or reads, e.g. <c>/Review/Act/BZ25YB027</c>.</summary>
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Null while unread: the header counts these through an index on (recipient, read-at).</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
