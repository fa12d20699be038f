using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BaZhouTalent.Application.Domain;

/// <summary>What a change request (项目变更申请) may change during the research, each only with approval.</summary>
public enum ProjectChangeItem
{
    /// <summary>变更项目负责人.</summary>
    Leader = 0,
    /// <summary>变更参与人员 (who takes part).</summary>
    Members = 1,
    /// <summary>变更项目名称 (the result's title, 结项成果名称).</summary>
    Title = 2,
    /// <summary>变更所在单位 (the project moves to another unit, which then reviews its closure).</summary>
    Unit = 3,
    /// <summary>变更成果形式或字数 (the form states both, e.g. “研究报告 1 篇，约 3 万字”).</summary>
    OutputForm = 4,
}

public static class ProjectChangeItemNames
{
    public static string ToChinese(this ProjectChangeItem item) => item switch
    {
        ProjectChangeItem.Leader => "项目负责人",
        ProjectChangeItem.Members => "参与人员",
        ProjectChangeItem.Title => "项目名称",
        ProjectChangeItem.Unit => "所在单位",
        ProjectChangeItem.OutputForm => "成果形式或字数",
        _ => item.ToString(),
    };
}

/// <summary>
/// The content of a change request: which items change and their new values, kept on the request as JSON (a request
/// is read whole, never queried by its values). Once approved, these values are the closure form's “现” side.
/// </summary>
public sealed class ProjectChange
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public List<ProjectChangeItem> Items { get; set; } = [];
    public PersonDetails? Leader { get; set; }
    public List<Participant>? Members { get; set; }
    public string? Title { get; set; }
    public int? UnitId { get; set; }
    public string? UnitName { get; set; }
    public string? OutputForm { get; set; }

    public bool Changes(ProjectChangeItem item) => Items.Contains(item);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProjectChange FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new ProjectChange();
        try { return JsonSerializer.Deserialize<ProjectChange>(json, Json) ?? new ProjectChange(); }
        catch (JsonException) { return new ProjectChange(); }
    }

    /// <summary>What is asked, one line an item, as the request pages show it to those who see the applicant.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        foreach (var item in Items.Order())
        {
            lines.Add(item switch
            {
                ProjectChangeItem.Leader when Leader is { } l => $"项目负责人变更为 {l.Name}（{l.Unit}{(l.ProfessionalTitle.Length > 0 ? "，" + l.ProfessionalTitle : "")}）",
                ProjectChangeItem.Members when Members is { } m => m.Count == 0
                    ? "参与人员变更为：无"
                    : $"参与人员变更为：{string.Join("、", m.OrderBy(p => p.SortOrder).Select(p => p.Name))}",
                ProjectChangeItem.Title => $"项目名称（结项成果名称）变更为“{Title}”",
                ProjectChangeItem.Unit => $"所在单位变更为 {UnitName}",
                ProjectChangeItem.OutputForm => $"成果形式或字数变更为“{OutputForm}”",
                _ => item.ToChinese(),
            });
        }
        return lines;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
