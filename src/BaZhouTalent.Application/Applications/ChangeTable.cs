using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 一、项目变更情况数据表 as printed: 原 and 现 side by side with changed cells marked, 是否变更 and
/// 变更的内容. One read model for the researcher's page and every review page, built by the disclosure
/// (Disclosure.DisclosedApplication), so a blind viewer gets the same table with every person's values hidden.
/// </summary>
public sealed record ChangeTable(
    string Choice,
    IReadOnlyList<string> Lines,
    IReadOnlyList<ChangeTable.Field> Fields,
    IReadOnlyList<ChangeTable.Member> OriginalMembers,
    IReadOnlyList<ChangeTable.Member> CurrentMembers)
{
    public sealed record Field(string Label, string Original, string Current, bool Changed);

    public sealed record Member(string Name, string Unit, string Title, string Phone, bool Changed);

    public bool IsChanged => Lines.Count > 0;

    /// <param name="blind">
    /// For a viewer who appraises blind (see Disclosure.DisclosurePolicy): every value of a person — name, gender,
    /// ethnicity, birth, unit, posts, address, phone, participants' titles — is the blind marker, and 变更的内容
    /// says which fields changed, never their values.
    /// </param>
    /// <param name="maskContact">For a viewer who may not see contact details in full: phones and birth months masked.</param>
    public static ChangeTable Build(FundedProject project, ClosureApplication application, bool blind = false, bool maskContact = false)
    {
        var record = ChangeRecord.Compute(project, application, blind, maskContact);
        string Person(string value) => blind ? BlindReview.HiddenText : value;
        string Phone(string value) => Person(maskContact ? PersonalData.MaskPhone(value) : value);
        string Birth(PersonDetails p) => maskContact
            ? PersonalData.MaskBirth(p.BirthYear, p.BirthMonth)
            : ChangeRecord.FormatYearMonth(p.BirthYear, p.BirthMonth);
        var ol = project.OriginalLeader;
        var cl = application.CurrentLeader;
        var fields = new List<Field>
        {
            Plain("项目名称", project.Title, application.ResultTitle),
            Plain("成果形式", project.PlannedOutputForm, application.CurrentOutputForm),
            new("完成时间", ChangeRecord.FormatDate(project.PlannedCompletion),
                application.ActualCompletion is { } actual ? ChangeRecord.FormatDate(actual) : "",
                application.ActualCompletion is { } done && done != project.PlannedCompletion),
            Identity("负责人姓名", ol.Name, cl.Name),
            Identity("负责人性别", ol.Gender, cl.Gender),
            Identity("负责人民族", ol.Ethnicity, cl.Ethnicity),
            Contact("负责人出生日期", ChangeRecord.FormatYearMonth(ol.BirthYear, ol.BirthMonth), ChangeRecord.FormatYearMonth(cl.BirthYear, cl.BirthMonth),
                Person(Birth(ol)), Person(Birth(cl))),
            Identity("负责人所在单位", ol.Unit, cl.Unit),
            Identity("负责人行政职务", ol.AdministrativePost, cl.AdministrativePost),
            Identity("负责人专业职务", ol.ProfessionalTitle, cl.ProfessionalTitle),
            Identity("负责人通讯地址", ol.Address, cl.Address),
            Contact("负责人联系电话", ol.Phone, cl.Phone, Phone(ol.Phone), Phone(cl.Phone)),
        };

        var original = project.OriginalParticipants.OrderBy(p => p.SortOrder).ToList();
        var current = application.CurrentParticipants.OrderBy(p => p.SortOrder).ToList();
        Member Show(Participant p, bool changed) => new(Person(p.Name), Person(p.Unit), Person(p.Title), Phone(p.Phone), changed);
        bool Unchanged(Participant now) => original.Any(was => ChangeRecord.SameText(was.Name, now.Name)
            && ChangeRecord.SameText(was.Unit, now.Unit) && ChangeRecord.SameText(was.Title, now.Title)
            && ChangeRecord.SameText(was.Phone, now.Phone));

        return new ChangeTable(record.Choice, record.Lines, fields,
            original.Select(p => Show(p, false)).ToList(),
            current.Select(p => Show(p, !Unchanged(p))).ToList());

        static Field Plain(string label, string was, string now) =>
            new(label, was, now, ChangeRecord.Normalize(now).Length > 0 && !ChangeRecord.SameText(was, now));

        Field Identity(string label, string was, string now) => Contact(label, was, now, Person(was), Person(now));

        // Whether it changed is read on the real values; what is shown may be masked or hidden.
        static Field Contact(string label, string was, string now, string wasShown, string nowShown) =>
            new(label, wasShown, nowShown, ChangeRecord.Normalize(now).Length > 0 && !ChangeRecord.SameText(was, now));
    }
}
