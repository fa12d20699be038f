namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A PDF of a concluded application made once for 归档 (the A4 form, the A3 booklet, the final report, the
/// certificate) and kept in the file store, so every archive carries the same bytes with the same SHA-256.
/// One per application and name.
/// </summary>
public class ArchivedDocument
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>The file's name in the archive, e.g. 结项申请书-A4.pdf.</summary>
    public string Name { get; set; } = "";
    public string StorageKey { get; set; } = "";
    /// <summary>SHA-256 (lower-case hex) of the content; every read is checked against it.</summary>
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset MadeAt { get; set; }
}
