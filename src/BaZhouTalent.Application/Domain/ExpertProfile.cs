namespace BaZhouTalent.Application.Domain;

/// <summary>
/// An expert account's entry in the expert pool (专家库): what the federation needs to choose and reach an
/// expert. The expert's registered unit stays on the account (<see cref="AppUser.UnitId"/>); an expert from
/// outside the register keeps the unit's name in <see cref="WorkUnit"/>.
/// </summary>
public class ExpertProfile
{
    /// <summary>The expert's account (also the key: one profile per account).</summary>
    public required string UserId { get; set; }
    public AppUser User { get; set; } = null!;
    /// <summary>工作单位 as written, whether or not it is a registered unit.</summary>
    public string WorkUnit { get; set; } = "";
    /// <summary>专业技术职务, e.g. 教授、研究员.</summary>
    public string ProfessionalTitle { get; set; } = "";
    /// <summary>研究领域, separated by “；”: matched against the project to rank suggestions.</summary>
    public string Fields { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>申报回避: unit names, person names or 立项编号 (separated by “；”) the expert may not appraise.</summary>
    public string DeclaredConflicts { get; set; } = "";
    /// <summary>A disabled expert stays in the pool's history but is no longer suggested or assignable.</summary>
    public bool IsDisabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> FieldList => Split(Fields);

    public IReadOnlyList<string> ConflictList => Split(DeclaredConflicts);

    /// <summary>A “；”-separated list as typed (“;”, “、”, “，” and new lines also separate), trimmed and de-duplicated.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(['；', ';', '、', '，', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    public static string Join(IEnumerable<string> items) => string.Join("；", items);
}
