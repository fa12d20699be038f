namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A PDF of a concluded application made once and kept (归档): the A4 form, the A3 booklet and the report when the
/// federation concludes it, the certificate when it issues. Its bytes are in the file store; the archive reads them
/// back, so the same document always has the same SHA-256.
/// </summary>
public class KeptDocument
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public KeptDocumentKind Kind { get; set; }
    /// <summary>The round whose conclusion it records.</summary>
    public int Round { get; set; }
    public string StorageKey { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum KeptDocumentKind
{
    A4 = 0,
    A3Booklet = 1,
    Report = 2,
    Certificate = 3,
}
