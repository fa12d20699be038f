using System.Globalization;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 是否变更 and 变更的内容 of the change table, derived field by field from the register (原) and the
/// application (现), so the researcher never states them and they can never contradict the table.
/// </summary>
/// <param name="Approvals">For each field whose change needs approval (项目名称, 成果形式, 负责人姓名, 负责人所在单位, 参与人员)
/// and changed: the approval's date, or that none covers it — the same mark 变更的内容 carries.</param>
public sealed record ChangeRecord(IReadOnlyList<string> Lines, IReadOnlyDictionary<string, string> Approvals)
{
    public ChangeRecord(IReadOnlyList<string> lines) : this(lines, new Dictionary<string, string>())
    {
    }

    /// <summary>Lines of changes typed in the form that no approved change request covers.</summary>
    public IEnumerable<string> Unapproved => Lines.Where(l => l.EndsWith(Projects.ApprovedChanges.UnapprovedMark, StringComparison.Ordinal));

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
    /// <remarks>
    /// Changes of the leader, the members, the title, the unit and the output form need an approved change request
    /// (项目变更申请): each such line ends with the approval's date, or with “未经变更审批” when none covers the value in
    /// the form. Requires the project's Requests loaded.
    /// </remarks>
    public static ChangeRecord Compute(FundedProject project, ClosureApplication application, bool blind = false, bool maskContact = false)
    {
        var lines = new List<string>();
        var approvals = Projects.ApprovedChanges.Of(project);
        var marks = new Dictionary<string, string>();
        string Mark(string field, ProjectChangeItem item, Func<ProjectChange, bool> covers) =>
            marks[field] = Projects.ApprovedChanges.Mark(approvals, item, covers);

        if (Compare(lines, "成果名称", project.Title, application.ResultTitle))
            lines[^1] += Mark("项目名称", ProjectChangeItem.Title, c => SameText(c.Title, application.ResultTitle));
        if (Compare(lines, "成果形式", project.PlannedOutputForm, application.CurrentOutputForm))
            lines[^1] += Mark("成果形式", ProjectChangeItem.OutputForm, c => SameText(c.OutputForm, application.CurrentOutputForm));
        // An empty 现 field is unfinished work, not a change; the validators report it instead.
        if (application.ActualCompletion is { } actual && actual != project.PlannedCompletion)
            lines.Add($"完成时间：由{FormatDate(project.PlannedCompletion)}改为{FormatDate(actual)}");

        var leader = application.CurrentLeader;
        switch (CompareLeader(lines, project.OriginalLeader, leader, blind, maskContact))
        {
            case LeaderChange.Person:
                lines[^1] += Mark("负责人姓名", ProjectChangeItem.Leader, c => SameText(c.Leader?.Name, leader.Name));
                break;
            case LeaderChange.Unit:
                lines[^1] += Mark("负责人所在单位", ProjectChangeItem.Unit, c => SameText(c.UnitName, leader.Unit));
                break;
        }
        var current = application.CurrentParticipants;
        if (CompareParticipants(lines, project.OriginalParticipants, current, blind, maskContact) is var members and >= 0)
            lines[members] += Mark("参与人员", ProjectChangeItem.Members, c => c.Members is { } m && SameNames(m, current));
        return new ChangeRecord(lines, marks);
    }

    private static bool SameNames(IEnumerable<Participant> a, IEnumerable<Participant> b) =>
        a.Select(p => Normalize(p.Name)).Where(n => n.Length > 0).Order(StringComparer.Ordinal)
            .SequenceEqual(b.Select(p => Normalize(p.Name)).Where(n => n.Length > 0).Order(StringComparer.Ordinal));

    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year} 年 {date.Month} 月 {date.Day} 日");

    public static string FormatYearMonth(int? year, int? month) => year is null
        ? ""
        : month is null ? $"{year} 年" : string.Create(CultureInfo.InvariantCulture, $"{year} 年 {month} 月");

    /// <summary>Equal for the form's purpose: spacing (“杨 卓” on paper, “杨卓” typed) is not a change.</summary>
    public static bool SameText(string? a, string? b) => Normalize(a) == Normalize(b);

    internal static string Normalize(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Adds the line when the field changed; true when it did.</summary>
    private static bool Compare(List<string> lines, string label, string original, string current)
    {
        if (Normalize(current).Length == 0 || SameText(original, current)) return false;
        lines.Add($"{label}：由“{original.Trim()}”改为“{current.Trim()}”");
        return true;
    }

    /// <summary>What the last line added by <see cref="CompareLeader"/> records, where a change needs approval.</summary>
    private enum LeaderChange { None, Person, Unit }

    private static LeaderChange CompareLeader(List<string> lines, PersonDetails original, PersonDetails current, bool blind, bool maskContact)
    {
        if (Normalize(current.Name).Length > 0 && !SameText(original.Name, current.Name))
        {
            // A new leader: the person changed, so listing each of their fields against the old one says nothing more.
            lines.Add(blind ? "项目负责人：已变更" : $"项目负责人：由 {original.Name.Trim()} 变更为 {current.Name.Trim()}");
            return LeaderChange.Person;
        }
        var changed = LeaderFields(original, maskContact).Zip(LeaderFields(current, maskContact),
                (o, c) => (o.Label, Original: o.Value, Current: c.Value, OriginalShown: o.Shown, CurrentShown: c.Shown))
            .Where(f => !SameText(f.Original, f.Current))
            .ToList();
        // The unit is a change of its own (it needs approval); the other fields are the leader's details.
        var unit = changed.FirstOrDefault(f => f.Label == "所在单位");
        var details = changed.Where(f => f.Label != "所在单位").ToList();
        if (details.Count > 0)
            lines.Add(blind
                ? $"项目负责人信息：{string.Join("、", details.Select(f => f.Label))}有变更"
                : $"项目负责人信息：{string.Join("；", details.Select(f => $"{f.Label}由“{Shown(f.OriginalShown)}”改为“{Shown(f.CurrentShown)}”"))}");
        if (unit.Label is null) return LeaderChange.None;
        lines.Add(blind ? "项目负责人所在单位：有变更" : $"项目负责人所在单位：由“{Shown(unit.OriginalShown)}”改为“{Shown(unit.CurrentShown)}”");
        return LeaderChange.Unit;
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

    /// <summary>Adds the members' lines; returns the index of the line of who takes part when it changed (it needs approval), else -1.</summary>
    private static int CompareParticipants(List<string> lines, IReadOnlyList<Participant> original, IReadOnlyList<Participant> current, bool blind, bool maskContact)
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
        var membership = -1;
        if (parts.Count > 0)
        {
            lines.Add($"参与人员：{string.Join("；", parts)}");
            membership = lines.Count - 1;
        }

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
        // Who takes part is the line that needs approval (an order alone is no change of members).
        return added.Count > 0 || removed.Count > 0 ? membership : -1;
    }

    private static string Shown(string value) => value.Trim().Length == 0 ? "（空）" : value.Trim();
}
