namespace BaZhouTalent.Application.Domain;

/// <summary>
/// 更正登记: one correction of a register entry by the city federation — who, when, why, and what changed, one line a
/// field (“项目名称：由“…”改为“…””). Kept on the project, shown on its 项目情况 page, and recorded in the security audit.
/// </summary>
public class ProjectCorrection
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public DateTimeOffset At { get; set; }
    public string ByUserId { get; set; } = "";
    public string ByName { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>What changed, one line per field.</summary>
    public string Changes { get; set; } = "";
    /// <summary>Set when the correction came from an Excel import (更新已登记项目), with the file's name.</summary>
    public string? ImportedFrom { get; set; }

    public IReadOnlyList<string> ChangeLines => Changes.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
