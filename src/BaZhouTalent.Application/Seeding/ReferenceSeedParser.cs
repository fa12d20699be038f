using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BaZhouTalent.Typesetting.Reports;

namespace BaZhouTalent.Application.Seeding;

/// <summary>
/// Reads the reference application (a plain-text export of the Word 结项申请书) into a <see cref="ReferenceApplication"/>.
/// The export is lossy in known ways — labels spaced out to fill their boxes, merged table cells left as empty
/// tab-separated cells, tables and paragraphs cut where the paper pages broke — so fields are found by their
/// labels, never by position, and the cuts are mended.
/// </summary>
public static partial class ReferenceSeedParser
{
    // Word exports a box as ☐ and a chosen box as ☒; the other marks cover forms filled with a different font.
    private const string MarkedBoxes = "☒☑■√✓✔";

    // A paragraph that ends in one of these ends a sentence; the export never cuts a page exactly there
    // in a way we could tell apart from a real paragraph end, so such a paragraph is taken as complete.
    private const string SentenceEnds = "。！？；…!?;";

    // Closing quotes and brackets may follow the sentence end (“……。”), so they are looked through.
    private const string Closers = "”’」』）)】》〕";

    [GeneratedRegex(@"(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<year>\d{4})\s*年\s*(?<month>\d{1,2})\s*月")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"^\d{4}\s*年\s*\d{1,2}\s*月$")]
    private static partial Regex FormMonthLine();

    [GeneratedRegex(@"(?<option>[是否])\s*(?<box>[☐□☒☑■√✓✔])")]
    private static partial Regex ChoiceBox();

    // The option letter printed before a choice written out in a cell: “B、否”.
    [GeneratedRegex(@"^[A-Za-z][、.．]\s*")]
    private static partial Regex OptionLetter();

    // A telephone cell: digits with the usual separators, long enough not to be a count.
    [GeneratedRegex(@"^[\d\s\-+（）()]{5,}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}\s]+$")]
    private static partial Regex CjkWithSpaces();

    // Every label the change table prints; a cell with one of these is never the value of another label.
    private static readonly HashSet<string> TableLabels =
    [
        "立项项目名称", "结项成果名称", "是否变更", "变更的内容", "原计划成果形式", "现成果形式", "原计划完成时间",
        "实际完成时间", "项目负责人及参与人员变更情况", "原负责人", "现负责人", "姓名", "性别", "民族", "出生日期",
        "所在单位", "行政职务", "专业职务", "通讯地址", "联系电话", "原参与人员", "现参与人员", "单位", "职称",
    ];

    /// <summary>Parses the whole seed text; throws <see cref="FormatException"/> naming the first thing missing.</summary>
    public static ReferenceApplication Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

        // The cover ends at 声明; limiting the search keeps “项目负责人（签字）” in the declaration from being
        // read as the cover's 项目负责人.
        var declarationStart = Array.FindIndex(lines, l => Compact(l) == "声明");
        var cover = declarationStart < 0 ? lines : lines[..declarationStart];

        var fillDateText = CoverField(cover, "填表日期");
        var formMonth = cover.Select(l => l.Trim()).FirstOrDefault(l => FormMonthLine().IsMatch(l))
            ?? throw new FormatException("Seed cover: the form month line (e.g. '2025 年 10 月') is missing.");

        var table = ChangeTableRows(lines);
        var changedText = TableValue(table, "是否变更");

        return new ReferenceApplication(
            ProjectCode: CoverField(cover, "立项编号"),
            Category: CoverField(cover, "项目类别"),
            ProjectTitle: CoverField(cover, "项目名称"),
            LeaderName: CompactName(CoverField(cover, "项目负责人")),
            UnitName: CoverField(cover, "所在单位"),
            FillDate: ParseDate(fillDateText, "填表日期"),
            FormMonth: formMonth,
            Sensitive: DeclarationChoice(lines, "成果是否涉及敏感问题"),
            Classified: DeclarationChoice(lines, "成果是否涉密"),
            ResultTitle: TableValue(table, "结项成果名称"),
            Changed: ParseYesNo(changedText, "是否变更"),
            ChangeDescription: TableValue(table, "变更的内容"),
            PlannedOutputForm: TableValue(table, "原计划成果形式"),
            CurrentOutputForm: TableValue(table, "现成果形式"),
            PlannedCompletion: ParseDate(TableValue(table, "原计划完成时间"), "原计划完成时间"),
            ActualCompletion: ParseDate(TableValue(table, "实际完成时间"), "实际完成时间"),
            OriginalLeader: Leader(table, "原负责人"),
            CurrentLeader: Leader(table, "现负责人"),
            OriginalParticipants: Participants(table, "原参与人员"),
            CurrentParticipants: Participants(table, "现参与人员"),
            ReportText: Report(lines));
    }

    // ---- cover and declaration ----

    private static string CoverField(IEnumerable<string> cover, string label)
    {
        foreach (var line in cover)
        {
            if (TryStripLabel(line, label, out var rest))
            {
                return rest.Length > 0
                    ? rest
                    : throw new FormatException($"Seed cover: the '{label}' line has no value.");
            }
        }
        throw new FormatException($"Seed cover: the '{label}' line is missing.");
    }

    /// <summary>Yes, no, or null when the paper is ambiguous (both boxes or neither marked).</summary>
    private static bool? DeclarationChoice(IEnumerable<string> lines, string label)
    {
        var line = lines.FirstOrDefault(l => Compact(l).StartsWith(label, StringComparison.Ordinal))
            ?? throw new FormatException($"Seed declaration: the '{label}' line is missing.");
        bool yes = false, no = false;
        foreach (Match m in ChoiceBox().Matches(line))
        {
            var marked = MarkedBoxes.Contains(m.Groups["box"].Value, StringComparison.Ordinal);
            if (m.Groups["option"].Value == "是") yes |= marked;
            else no |= marked;
        }
        return yes == no ? null : yes;
    }

    // ---- change table ----

    /// <summary>The table's rows as trimmed cells; blank lines (page breaks) and empty rows dropped.</summary>
    private static List<string[]> ChangeTableRows(string[] lines)
    {
        var start = Array.FindIndex(lines, l => Compact(l).EndsWith("项目变更情况数据表", StringComparison.Ordinal));
        if (start < 0) throw new FormatException("Seed: the change table '项目变更情况数据表' is missing.");
        var rows = new List<string[]>();
        for (var i = start + 1; i < lines.Length; i++)
        {
            // The next numbered section (二、申请人所在单位审核意见) ends the table.
            if (SectionHeading().IsMatch(lines[i].Trim())) break;
            var cells = lines[i].Split('\t').Select(c => c.Trim()).ToArray();
            if (cells.Any(c => c.Length > 0)) rows.Add(cells);
        }
        return rows;
    }

    private static string TableValue(IEnumerable<string[]> rows, string label) =>
        FindValue(rows, label) ?? throw new FormatException($"Seed change table: the '{label}' cell is missing.");

    /// <summary>
    /// The first non-empty cell after the label in its row, or "" when only labels or nothing follow;
    /// null when no row has the label. Merged cells leave a varying number of empty cells, hence no indexes.
    /// </summary>
    private static string? FindValue(IEnumerable<string[]> rows, string label)
    {
        foreach (var row in rows)
        {
            var at = Array.FindIndex(row, c => Compact(c) == label);
            if (at < 0) continue;
            var value = row.Skip(at + 1).FirstOrDefault(c => c.Length > 0);
            return value is null || TableLabels.Contains(Compact(value)) ? "" : value;
        }
        return null;
    }

    private static SeedLeader Leader(List<string[]> rows, string label)
    {
        // The block label sits in a cell merged down three rows; the rows below it export with an empty first cell.
        var start = rows.FindIndex(r => Compact(r[0]) == label);
        if (start < 0) throw new FormatException($"Seed change table: the '{label}' block is missing.");
        var block = rows.Skip(start).Take(1).Concat(rows.Skip(start + 1).TakeWhile(r => r[0].Length == 0)).ToList();

        string Field(string name) =>
            FindValue(block, name) ?? throw new FormatException($"Seed change table: '{label}' has no '{name}' cell.");

        var birth = YearMonth().Match(Field("出生日期"));
        if (!birth.Success) throw new FormatException($"Seed change table: '{label}' has no readable '出生日期'.");
        return new SeedLeader(
            Name: CompactName(Field("姓名")),
            Gender: Field("性别"),
            Ethnicity: Field("民族"),
            BirthYear: int.Parse(birth.Groups["year"].Value, CultureInfo.InvariantCulture),
            BirthMonth: int.Parse(birth.Groups["month"].Value, CultureInfo.InvariantCulture),
            Unit: Field("所在单位"),
            AdministrativePost: Field("行政职务"),
            ProfessionalTitle: Field("专业职务"),
            Address: Field("通讯地址"),
            Phone: Field("联系电话"));
    }

    private static List<SeedParticipant> Participants(List<string[]> rows, string label)
    {
        // The label may be split across rows: “原 参” on one page, “与 人 员” on the next. The block starts at the
        // row whose label cell begins the label and runs while each row's label cell is empty or continues it.
        var start = rows.FindIndex(r => Compact(r[0]).Length > 0 && label.StartsWith(Compact(r[0]), StringComparison.Ordinal));
        if (start < 0) throw new FormatException($"Seed change table: the '{label}' block is missing.");
        var labelSoFar = "";
        var participants = new List<SeedParticipant>();
        for (var i = start; i < rows.Count; i++)
        {
            var head = Compact(rows[i][0]);
            if (i > start && head.Length > 0 && !label.StartsWith(labelSoFar + head, StringComparison.Ordinal)) break;
            labelSoFar += head;

            // Header rows (the first, or one Word repeats after a page break) carry the column labels.
            if (rows[i].Any(c => Compact(c) == "姓名")) continue;
            var cells = rows[i].Skip(1).Where(c => c.Length > 0).ToList();
            if (cells.Count == 0) continue;
            participants.Add(Participant(cells));
        }
        return participants;
    }

    /// <summary>
    /// One participant from a row's non-empty cells (name, unit, title, phone). Merged cells make column
    /// positions differ between pages, so the order is used, and the phone is recognised by its shape so that
    /// an empty title does not shift the phone into its place.
    /// </summary>
    private static SeedParticipant Participant(List<string> cells)
    {
        var phone = cells.Count > 1 && PhoneNumber().IsMatch(cells[^1]) ? cells[^1] : "";
        var rest = phone.Length > 0 ? cells[..^1] : cells;
        return new SeedParticipant(
            Name: CompactName(rest[0]),
            Unit: rest.Count > 1 ? rest[1] : "",
            Title: rest.Count > 2 ? string.Join(" ", rest.Skip(2)) : "",
            Phone: phone);
    }

    // ---- final report ----

    /// <summary>
    /// The report after “最 终 成 果” in <see cref="ReportMarkup"/> form. The export ends a paragraph wherever a
    /// paper page broke, so a body paragraph that stops mid-sentence is joined with the body paragraph after it.
    /// The title, 摘要, 关键词 and headings carry no final punctuation by nature and are never joined.
    /// </summary>
    private static string Report(string[] lines)
    {
        var start = Array.FindIndex(lines, l => Compact(l) == "最终成果");
        if (start < 0) throw new FormatException("Seed: the final report heading '最终成果' is missing.");

        var paragraphs = new List<StringBuilder>();
        var previousRole = ParagraphRole.Title;
        foreach (var raw in lines.Skip(start + 1))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var role = ReportMarkup.RoleOf(Plain(line), isFirst: paragraphs.Count == 0);
            if (previousRole == ParagraphRole.Body && role == ParagraphRole.Body && !EndsSentence(Plain(paragraphs[^1].ToString())))
            {
                paragraphs[^1].Append(line);
                continue;
            }
            paragraphs.Add(new StringBuilder(line));
            previousRole = role;
        }
        if (paragraphs.Count == 0) throw new FormatException("Seed: the final report after '最终成果' is empty.");
        return string.Join("\n", paragraphs);
    }

    private static string Plain(string line) => string.Concat(ReportMarkup.ParseRuns(line).Select(r => r.Text));

    private static bool EndsSentence(string plain)
    {
        var text = plain.TrimEnd().TrimEnd(Closers.ToCharArray()).TrimEnd();
        return text.Length > 0 && SentenceEnds.Contains(text[^1], StringComparison.Ordinal);
    }

    // ---- small parsers ----

    /// <summary>Matches a label whose characters may be spaced out (“立 项 编 号”) at the line start; rest is the value.</summary>
    private static bool TryStripLabel(string line, string label, out string rest)
    {
        var position = 0;
        foreach (var expected in label)
        {
            while (position < line.Length && char.IsWhiteSpace(line[position])) position++;
            if (position == line.Length || line[position] != expected)
            {
                rest = "";
                return false;
            }
            position++;
        }
        rest = line[position..].Trim();
        return true;
    }

    private static DateOnly ParseDate(string text, string label)
    {
        var m = FullDate().Match(text);
        if (!m.Success) throw new FormatException($"Seed: '{label}' is not a date like '2025 年 10 月 1 日': '{text}'.");
        try
        {
            return new DateOnly(Int(m, "year"), Int(m, "month"), Int(m, "day"));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"Seed: '{label}' is not a real date: '{text}'.", e);
        }

        static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
    }

    private static bool ParseYesNo(string text, string label)
    {
        // The cell holds the chosen option as printed: “A、是” or “B、否”.
        var answer = OptionLetter().Replace(text, "").Trim();
        return answer switch
        {
            "是" => true,
            "否" => false,
            _ => throw new FormatException($"Seed change table: '{label}' is neither 是 nor 否: '{text}'."),
        };
    }

    /// <summary>Chinese names are spaced out to fill their box (“杨 卓”); other names keep their spaces.</summary>
    private static string CompactName(string name) => CjkWithSpaces().IsMatch(name) ? Compact(name) : name.Trim();

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
