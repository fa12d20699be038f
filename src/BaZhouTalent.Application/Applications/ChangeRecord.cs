using System.Globalization;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 是否变更 and 变更的内容 of the change table, derived field by field from the register (原) and the
/// application (现), so the researcher never states them and they can never contradict the table.
/// </summary>
public sealed record ChangeRecord(IReadOnlyList<string> Lines)
{
    public bool IsChanged => Lines.Count > 0;

    /// <summary>The printed choice: “A、是” when anything differs, otherwise “B、否”.</summary>
    public string Choice => IsChanged ? "A、是" : "B、否";

    /// <summary>变更的内容 as one text, lines joined the way the paper form would list them.</summary>
    public string Summary => string.Join("\n", Lines);

    /// <param name="blind">
    /// For a blind viewer: changes of people (leader, participants) say which fields changed, never their values,
    /// names or even who was added, so 变更的内容 leaks nothing the hidden cells would have shown.
    /// </param>
    /// <param name="maskContact">
    /// For a viewer who sees the applicant but not their contact details (Disclosure.DisclosurePolicy.SeesContactDetails):
    /// phones and birth dates are written masked, as the table shows them; what changed is still found on the real values.
    /// </param>
    public static ChangeRecord Compute(FundedProject project, ClosureApplication application, bool blind = false, bool maskContact = false)
    {
        var lines = new List<string>();

        Compare(lines, "成果名称", project.Title, application.ResultTitle);
        Compare(lines, "成果形式", project.PlannedOutputForm, application.CurrentOutputForm);
        // An empty 现 field is unfinished work, not a change; the validators report it instead.
        if (application.ActualCompletion is { } actual && actual != project.PlannedCompletion)
            lines.Add($"完成时间：由{FormatDate(project.PlannedCompletion)}改为{FormatDate(actual)}");

        CompareLeader(lines, project.OriginalLeader, application.CurrentLeader, blind, maskContact);
        CompareParticipants(lines, project.OriginalParticipants, application.CurrentParticipants, blind, maskContact);
        return new ChangeRecord(lines);
    }

    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year} 年 {date.Month} 月 {date.Day} 日");

    public static string FormatYearMonth(int? year, int? month) => year is null
        ? ""
        : month is null ? $"{year} 年" : string.Create(CultureInfo.InvariantCulture, $"{year} 年 {month} 月");

    /// <summary>Equal for the form's purpose: spacing (“杨 卓” on paper, “杨卓” typed) is not a change.</summary>
    public static bool SameText(string? a, string? b) => Normalize(a) == Normalize(b);

    internal static string Normalize(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));

    private static void Compare(List<string> lines, string label, string original, string current)
    {
        if (Normalize(current).Length == 0 || SameText(original, current)) return;
        lines.Add($"{label}：由“{original.Trim()}”改为“{current.Trim()}”");
    }

    private static void CompareLeader(List<string> lines, PersonDetails original, PersonDetails current, bool blind, bool maskContact)
    {
        if (Normalize(current.Name).Length > 0 && !SameText(original.Name, current.Name))
        {
            // A new leader: the person changed, so listing each of their fields against the old one says nothing more.
            lines.Add(blind ? "项目负责人：已变更" : $"项目负责人：由 {original.Name.Trim()} 变更为 {current.Name.Trim()}");
            return;
        }
        var changed = LeaderFields(original, maskContact).Zip(LeaderFields(current, maskContact),
                (o, c) => (o.Label, Original: o.Value, Current: c.Value, OriginalShown: o.Shown, CurrentShown: c.Shown))
            .Where(f => !SameText(f.Original, f.Current))
            .ToList();
        if (changed.Count == 0) return;
        lines.Add(blind
            ? $"项目负责人信息：{string.Join("、", changed.Select(f => f.Label))}有变更"
            : $"项目负责人信息：{string.Join("；", changed.Select(f => $"{f.Label}由“{Shown(f.OriginalShown)}”改为“{Shown(f.CurrentShown)}”"))}");
    }

    /// <summary>Each field's value (compared) and how it is written (masked for contact details where asked).</summary>
    private static IEnumerable<(string Label, string Value, string Shown)> LeaderFields(PersonDetails p, bool maskContact)
    {
        var birth = FormatYearMonth(p.BirthYear, p.BirthMonth);
        return
        [
            ("性别", p.Gender, p.Gender),
            ("民族", p.Ethnicity, p.Ethnicity),
            ("出生日期", birth, maskContact ? PersonalData.MaskBirth(p.BirthYear, p.BirthMonth) : birth),
            ("所在单位", p.Unit, p.Unit),
            ("行政职务", p.AdministrativePost, p.AdministrativePost),
            ("专业职务", p.ProfessionalTitle, p.ProfessionalTitle),
            ("通讯地址", p.Address, p.Address),
            ("联系电话", p.Phone, maskContact ? PersonalData.MaskPhone(p.Phone) : p.Phone),
        ];
    }

    private static void CompareParticipants(List<string> lines, IReadOnlyList<Participant> original, IReadOnlyList<Participant> current, bool blind, bool maskContact)
    {
        var before = original.OrderBy(p => p.SortOrder).Where(p => Normalize(p.Name).Length > 0).ToList();
        var after = current.OrderBy(p => p.SortOrder).Where(p => Normalize(p.Name).Length > 0).ToList();
        var beforeNames = before.Select(p => Normalize(p.Name)).ToList();
        var afterNames = after.Select(p => Normalize(p.Name)).ToList();

        var parts = new List<string>();
        var added = after.Where(p => !beforeNames.Contains(Normalize(p.Name))).Select(p => p.Name.Trim()).ToList();
        var removed = before.Where(p => !afterNames.Contains(Normalize(p.Name))).Select(p => p.Name.Trim()).ToList();
        if (added.Count > 0) parts.Add(blind ? $"新增 {added.Count} 人" : $"新增 {string.Join("、", added)}");
        if (removed.Count > 0) parts.Add(blind ? $"移除 {removed.Count} 人" : $"移除 {string.Join("、", removed)}");
        var keptBefore = beforeNames.Where(afterNames.Contains).ToList();
        var keptAfter = afterNames.Where(beforeNames.Contains).ToList();
        if (!keptBefore.SequenceEqual(keptAfter)) parts.Add("排序调整");
        if (parts.Count > 0)
            lines.Add($"参与人员：{string.Join("；", parts)}");

        foreach (var (now, position) in after.Select((p, i) => (p, i + 1)))
        {
            var was = before.FirstOrDefault(p => SameText(p.Name, now.Name));
            if (was is null) continue;
            string Phone(string value) => maskContact ? PersonalData.MaskPhone(value) : value;
            var changed = new[] { ("单位", was.Unit, now.Unit, was.Unit, now.Unit), ("职称", was.Title, now.Title, was.Title, now.Title),
                    ("联系电话", was.Phone, now.Phone, Phone(was.Phone), Phone(now.Phone)) }
                .Where(f => !SameText(f.Item2, f.Item3))
                .ToList();
            if (changed.Count == 0) continue;
            lines.Add(blind
                ? string.Create(CultureInfo.InvariantCulture, $"参与人员信息：第 {position} 位的{string.Join("、", changed.Select(f => f.Item1))}有变更")
                : $"参与人员信息：{now.Name.Trim()} {string.Join("；", changed.Select(f => $"{f.Item1}由“{Shown(f.Item4)}”改为“{Shown(f.Item5)}”"))}");
        }
    }

    private static string Shown(string value) => value.Trim().Length == 0 ? "（空）" : value.Trim();
}
