namespace BaZhouTalent.Application.Domain;

/// <summary>The content of an application frozen at a submission, one per round, for diffs and fingerprints.</summary>
public class ApplicationRevision
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Round { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedByUserId { get; set; } = "";
    /// <summary>The application content as JSON.</summary>
    public string Content { get; set; } = "";
    /// <summary>SHA-256 (hex) of <see cref="Content"/>.</summary>
    public string Fingerprint { get; set; } = "";
}
