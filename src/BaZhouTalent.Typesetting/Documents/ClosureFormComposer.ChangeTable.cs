using System.Globalization;
using BaZhouTalent.Typesetting.Layout;
using BaZhouTalent.Typesetting.PrintModel;

namespace BaZhouTalent.Typesetting.Documents;

/// <summary>一、项目变更情况数据表: a grid with merged cells, as the seed form lays it out.</summary>
internal sealed partial class ClosureFormComposer
{
    // The union of every row's cell edges (448 pt in all): side label | label | 姓名 | 性别 | value | 民族 | two
    // slivers that let 行政职务 and its value straddle 民族's value | 出生日期 | 专业职务 | its value.
    private static readonly double[] ChangeColumns = [26, 60, 62, 34, 34, 34, 14, 20, 56, 50, 58];
    private const double RowHeight = 24;
    private const double CellLine = 16;

    private void ComposeChangeTable()
    {
        var c = _model.Changes;
        Elements.Add(Fixed(FormTexts.ChangeTableTitle, Styles.SectionTitle, new ParagraphFormat(Styles.GridPitch, TextAlign.Left, SpaceAfter: 8, KeepWithNext: true)));
        var table = new TableBuilder(ChangeColumns);
        table.Row(RowHeight, Label("立项项目名称", 2), Value("立项项目名称", c.ProjectTitle, 9));
        table.Row(RowHeight, Label("结项成果名称", 2), Value("结项成果名称", c.ResultTitle, 9));
        table.Row(RowHeight,
            Label("是否变更", 2), Value("是否变更", c.Changed switch { true => "A、是", false => "B、否", null => "" }, 2),
            Label("变更的内容", 4), Value("变更的内容", c.ChangeDescription, 3));
        table.Row(RowHeight,
            Label("原计划成果形式", 2), Value("原计划成果形式", c.PlannedOutputForm, 3),
            Label("现成果形式", 4), Value("现成果形式", c.CurrentOutputForm, 2));
        table.Row(RowHeight,
            Label("原计划完成时间", 2), Value("原计划完成时间", Date(c.PlannedCompletion), 3),
            Label("实际完成时间", 4), Value("实际完成时间", Date(c.ActualCompletion), 2));
        table.Row(RowHeight, Label(FormTexts.PeopleChanges, 11));
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
        // Three rows as in the seed: 所在单位, 行政职务 and 专业职务 share the second.
        table.Row(RowHeight,
            Label(side, rowSpan: 3),
            Label("姓 名"), Value(side + "·姓名", leader.Name),
            Label("性别"), Value(side + "·性别", leader.Gender),
            Label("民族"), Value(side + "·民族", leader.Ethnicity, 2),
            Label("出生日期"), Value(side + "·出生日期", birth, 2));
        table.Row(RowHeight,
            Label("所在单位"), Value(side + "·所在单位", leader.Unit, 3),
            Label("行政职务", 2), Value(side + "·行政职务", leader.AdministrativePost, 2),
            Label("专业职务"), Value(side + "·专业职务", leader.ProfessionalTitle));
        table.Row(RowHeight,
            Label("通讯地址"), Value(side + "·通讯地址", leader.Address, 6),
            Label("联系电话"), Value(side + "·联系电话", leader.Phone, 2));
    }

    private void AddParticipants(TableBuilder table, string side, IReadOnlyList<ParticipantPrint> people)
    {
        // An empty list still prints one blank row, as the paper form leaves room to write.
        var rows = Math.Max(1, people.Count);
        table.HeaderRow(RowHeight,
            Label(side, rowSpan: rows + 1),
            Label("姓 名"), Label("单 位", 4), Label("职 称", 3), Label("联系电话", 2));
        for (var i = 0; i < rows; i++)
        {
            var p = i < people.Count ? people[i] : new ParticipantPrint("", "", "", "");
            var field = string.Create(CultureInfo.InvariantCulture, $"{side}·第 {i + 1} 行");
            table.Row(RowHeight,
                Value(field, p.Name, align: TextAlign.Center), Value(field, p.Unit, 4), Value(field, p.Title, 3, TextAlign.Center), Value(field, p.Phone, 2, TextAlign.Center));
        }
    }

    private CellSpec Label(string text, int colSpan = 1, int rowSpan = 1) =>
        new([Fixed(text, Styles.Table, new ParagraphFormat(CellLine, TextAlign.Center))], colSpan, rowSpan);

    /// <summary>A value cell; a short bracketed phrase in it (the blind marker) stays whole, set smaller if the cell is narrow.</summary>
    private CellSpec Value(string field, string? text, int colSpan = 1, TextAlign align = TextAlign.Left)
    {
        var paragraph = Text(field, text, Styles.Table, new ParagraphFormat(CellLine, align == TextAlign.Left ? TextAlign.Justify : align, ShrinkToFit: true));
        Shaper.KeepBracketedPhrases(paragraph.Atoms);
        return new([paragraph], colSpan);
    }

    private static string Date(DateOnly? date) => date is { } d ? FormatDate(d) : "";
}
