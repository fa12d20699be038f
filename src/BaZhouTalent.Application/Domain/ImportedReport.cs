namespace BaZhouTalent.Application.Domain;

/// <summary>
/// The Word (.docx) file a final report was imported from, kept as uploaded so that 归档 holds the researcher's
/// original beside the typeset text. The bytes live in the file store under <see cref="StorageKey"/>. While the
/// researcher is still asked whether an import may replace the current text, its file waits as
/// <see cref="Pending"/>; confirming makes it the kept original and removes the one before. An application has
/// at most one of each.
/// </summary>
public class ImportedReport
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>The file name as uploaded, for display and the archive's entry only (never a path).</summary>
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the content; every read is checked against it.</summary>
    public string Sha256 { get; set; } = "";
    public string StorageKey { get; set; } = "";
    public string ImportedByUserId { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public bool Pending { get; set; }
}
