namespace BaZhouTalent.Application.Domain;

/// <summary>
/// A final-report text the researcher replaced (by saving, importing a .docx or restoring another version),
/// kept in the draft so that nothing typed is lost and any of them can be restored.
/// </summary>
public class ReportVersion
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>When this text was replaced.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
    /// <summary>What replaced it, in the researcher's words (导入 Word 文档, 恢复历史版本, 保存).</summary>
    public string ReplacedBy { get; set; } = "";
    public string Text { get; set; } = "";
}
