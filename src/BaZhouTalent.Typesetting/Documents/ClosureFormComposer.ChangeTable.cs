using System.Globalization;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>一、项目变更情况数据表: a nine-column grid with merged cells, as the seed form lays it out.</summary>
internal sealed partial class ClosureFormComposer
{
    // Columns: side label | label | value | 性别 | value | 民族 | value | 出生日期 | value (448 pt in all).
    private static readonly double[] ChangeColumns = [26, 60, 62, 34, 34, 34, 34, 56, 108];
    private const double RowHeight = 24;
    private const double CellLine = 16;

    private void ComposeChangeTable()
    {
        var c = _model.Changes;
        Elements.Add(Fixed(FormTexts.ChangeTableTitle, Styles.SectionTitle, new ParagraphFormat(Styles.GridPitch, TextAlign.Left, SpaceAfter: 8, KeepWithNext: true)));
        var table = new TableBuilder(ChangeColumns);
        table.Row(RowHeight, Label("立项项目名称", 2), Value("立项项目名称", c.ProjectTitle, 7));
        table.Row(RowHeight, Label("结项成果名称", 2), Value("结项成果名称", c.ResultTitle, 7));
        table.Row(RowHeight,
            Label("是否变更", 2), Value("是否变更", c.Changed switch { true => "A、是", false => "B、否", null => "" }, 2),
            Label("变更的内容", 3), Value("变更的内容", c.ChangeDescription, 2));
        table.Row(RowHeight,
            Label("原计划成果形式", 2), Value("原计划成果形式", c.PlannedOutputForm, 3),
            Label("现成果形式", 3), Value("现成果形式", c.CurrentOutputForm));
        table.Row(RowHeight,
            Label("原计划完成时间", 2), Value("原计划完成时间", Date(c.PlannedCompletion), 3),
            Label("实际完成时间", 3), Value("实际完成时间", Date(c.ActualCompletion)));
        table.Row(RowHeight, Label(FormTexts.PeopleChanges, 9));
        AddLeader(table, "原负责人", c.OriginalLeader);
        AddLeader(table, "现负责人", c.CurrentLeader);
        AddParticipants(table, "原参与人员", c.OriginalParticipants);
        AddParticipants(table, "现参与人员", c.CurrentParticipants);
        Elements.Add(table.Build(paddingX: 3, paddingY: 3));
        Elements.Add(PageBreak.Instance);
    }

    private void AddLeader(TableBuilder table, string side, LeaderPrint leader)
    {
        var birth = leader.BirthYear is { } year
            ? string.Create(CultureInfo.InvariantCulture, $"{year} 年 {leader.BirthMonth} 月")
            : "";
        table.Row(RowHeight,
            Label(side, rowSpan: 4),
            Label("姓 名"), Value(side + "·姓名", leader.Name),
            Label("性别"), Value(side + "·性别", leader.Gender),
            Label("民族"), Value(side + "·民族", leader.Ethnicity),
            Label("出生日期"), Value(side + "·出生日期", birth));
        table.Row(RowHeight, Label("所在单位"), Value(side + "·所在单位", leader.Unit, 7));
        table.Row(RowHeight,
            Label("行政职务"), Value(side + "·行政职务", leader.AdministrativePost, 3),
            Label("专业职务", 2), Value(side + "·专业职务", leader.ProfessionalTitle, 2));
        table.Row(RowHeight,
            Label("通讯地址"), Value(side + "·通讯地址", leader.Address, 5),
            Label("联系电话"), Value(side + "·联系电话", leader.Phone));
    }

    private void AddParticipants(TableBuilder table, string side, IReadOnlyList<ParticipantPrint> people)
    {
        // An empty list still prints one blank row, as the paper form leaves room to write.
        var rows = Math.Max(1, people.Count);
        table.HeaderRow(RowHeight,
            Label(side, rowSpan: rows + 1),
            Label("姓 名"), Label("单 位", 4), Label("职 称", 2), Label("联系电话"));
        for (var i = 0; i < rows; i++)
        {
            var p = i < people.Count ? people[i] : new ParticipantPrint("", "", "", "");
            var field = string.Create(CultureInfo.InvariantCulture, $"{side}·第 {i + 1} 行");
            table.Row(RowHeight,
                Value(field, p.Name, align: TextAlign.Center), Value(field, p.Unit, 4), Value(field, p.Title, 2, TextAlign.Center), Value(field, p.Phone, align: TextAlign.Center));
        }
    }

    private CellSpec Label(string text, int colSpan = 1, int rowSpan = 1) =>
        new([Fixed(text, Styles.Table, new ParagraphFormat(CellLine, TextAlign.Center))], colSpan, rowSpan);

    private CellSpec Value(string field, string? text, int colSpan = 1, TextAlign align = TextAlign.Left) =>
        new([Text(field, text, Styles.Table, new ParagraphFormat(CellLine, align == TextAlign.Left ? TextAlign.Justify : align))], colSpan);

    private static string Date(DateOnly? date) => date is { } d ? FormatDate(d) : "";
}
