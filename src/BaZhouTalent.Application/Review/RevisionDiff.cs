using System.Globalization;
using BaZhouTalent.Application.Workflow;

namespace BaZhouTalent.Application.Review;

/// <summary>What changed between two submitted revisions, field by field, in Chinese.</summary>
public static class RevisionDiff
{
    public sealed record Change(string Field, string Before, string After);

    /// <param name="maskContact">For a viewer who reads contact details masked (the unit, the county): phones and birth months.</param>
    public static IReadOnlyList<Change> Compare(ApplicationSnapshot.Content before, ApplicationSnapshot.Content after, bool maskContact = false)
    {
        var changes = new List<Change>();
        string Phone(string value) => maskContact ? Security.PersonalData.MaskPhone(value) : value;
        string Birth(ApplicationSnapshot.Person p) => maskContact ? Security.PersonalData.MaskBirth(p.BirthYear, p.BirthMonth) : FullBirth(p);
        void Contact(string name, string b, string a, Func<string, string> shown)
        {
            if (b != a) changes.Add(new Change(name, Show(shown(b)), Show(shown(a))));
        }
        void Field(string name, string? b, string? a)
        {
            if ((b ?? "") != (a ?? "")) changes.Add(new Change(name, Show(b), Show(a)));
        }

        Field("填表日期", before.FillDate, after.FillDate);
        Field("成果是否涉及敏感问题", YesNo(before.Sensitive), YesNo(after.Sensitive));
        Field("成果是否涉密", YesNo(before.Classified), YesNo(after.Classified));
        Field("结项成果名称", before.ResultTitle, after.ResultTitle);
        Field("现成果形式", before.CurrentOutputForm, after.CurrentOutputForm);
        Field("实际完成时间", before.ActualCompletion, after.ActualCompletion);
        var (pb, pa) = (before.CurrentLeader, after.CurrentLeader);
        Field("现负责人·姓名", pb.Name, pa.Name);
        Field("现负责人·性别", pb.Gender, pa.Gender);
        Field("现负责人·民族", pb.Ethnicity, pa.Ethnicity);
        if (FullBirth(pb) != FullBirth(pa)) changes.Add(new Change("现负责人·出生年月", Show(Birth(pb)), Show(Birth(pa))));
        Field("现负责人·所在单位", pb.Unit, pa.Unit);
        Field("现负责人·行政职务", pb.AdministrativePost, pa.AdministrativePost);
        Field("现负责人·专业职务", pb.ProfessionalTitle, pa.ProfessionalTitle);
        Field("现负责人·通讯地址", pb.Address, pa.Address);
        Contact("现负责人·联系电话", pb.Phone, pa.Phone, Phone);
        if (Members(before.CurrentParticipants, s => s) != Members(after.CurrentParticipants, s => s))
            changes.Add(new Change("现参与人员", Show(Members(before.CurrentParticipants, Phone)), Show(Members(after.CurrentParticipants, Phone))));

        var paragraphsBefore = Paragraphs(before.ReportText);
        var paragraphsAfter = Paragraphs(after.ReportText);
        var removed = paragraphsBefore.Except(paragraphsAfter).ToList();
        var added = paragraphsAfter.Except(paragraphsBefore).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            changes.Add(new Change("最终成果",
                removed.Count == 0 ? "—" : $"删去或改动 {removed.Count} 段：" + string.Join(" ／ ", removed.Select(Short)),
                added.Count == 0 ? "—" : $"新增或改动 {added.Count} 段：" + string.Join(" ／ ", added.Select(Short))));
        }
        return changes;
    }

    private static List<string> Paragraphs(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string Short(string paragraph) => paragraph.Length <= 40 ? paragraph : paragraph[..40] + "…";

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;

    private static string YesNo(bool? value) => value switch { true => "是", false => "否", _ => "" };

    private static string FullBirth(ApplicationSnapshot.Person p) =>
        p.BirthYear is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y}.{p.BirthMonth:00}") : "";

    private static string Members(IReadOnlyList<ApplicationSnapshot.Member> members, Func<string, string> phone) =>
        string.Join("；", members.Select(m => string.Join("，", new[] { m.Name, m.Unit, m.Title, phone(m.Phone) }.Where(s => s.Length > 0))));
}
