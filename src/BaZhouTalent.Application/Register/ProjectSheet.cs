using System.Globalization;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace BaZhouTalent.Application.Register;

/// <summary>
/// The Excel layout of the register: one project per row, the leader's fields in their own columns, the
/// participants in one cell as “姓名/单位/职称/电话；…”. The template and the importer share these headers.
/// </summary>
public static class ProjectSheet
{
    public const string SheetName = "项目";
    public const string NotesSheetName = "填写说明";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string TemplateFileName = "项目登记导入模板.xlsx";

    public const string Code = "立项编号";
    public const string Category = "项目类别";
    public const string Title = "项目名称";
    public const string Unit = "所在单位";
    public const string PlannedOutputForm = "原计划成果形式";
    public const string PlannedCompletion = "原计划完成时间";
    public const string LeaderName = "负责人姓名";
    public const string Gender = "性别";
    public const string Ethnicity = "民族";
    public const string Birth = "出生年月";
    public const string LeaderUnit = "负责人所在单位";
    public const string AdministrativePost = "行政职务";
    public const string ProfessionalTitle = "专业职务";
    public const string Address = "通讯地址";
    public const string Phone = "联系电话";
    public const string Participants = "参与人员";
    public const string LeaderAccount = "项目负责人账户";

    /// <summary>Every column, in template order, with the note the template's second sheet gives for it.</summary>
    public static readonly IReadOnlyList<(string Header, bool Required, string Note)> Columns =
    [
        (Code, true, "BZ + 两位年份 + 类别代码 + 三位序号，如 BZ25YB027；类别代码须与项目类别一致，立项年度由编号得出"),
        (Category, true, "填写类别名称或代码，如“一般课题”或“YB”"),
        (Title, true, "立项时的项目名称"),
        (Unit, true, "须与“单位管理”中的单位名称完全一致"),
        (PlannedOutputForm, true, "如：论文 1 篇、研究报告 1 篇"),
        (PlannedCompletion, true, "如 2026-12-31；只填年月（2026-12）时按该月最后一天登记"),
        (LeaderName, true, "原负责人姓名"),
        (Gender, true, "男 或 女"),
        (Ethnicity, true, "如：汉族"),
        (Birth, true, "年月，如 1980-05"),
        (LeaderUnit, true, "原负责人所在单位，按表上应印的名称填写"),
        (AdministrativePost, false, "可空"),
        (ProfessionalTitle, false, "可空"),
        (Address, true, "原负责人通讯地址"),
        (Phone, true, "11 位手机号码，或带区号的固定电话，如 0827-1234567"),
        (Participants, false, "每人按“姓名/单位/职称/电话”填写，多人之间用“；”分隔；无参与人员可空"),
        (LeaderAccount, false, "项目负责人在本系统的用户名（项目负责人角色）；尚未开户可空"),
    ];

    /// <summary>The template: the header row on the first sheet, the column notes on the second.</summary>
    public static byte[] Template() => Template(SheetName, Columns, "项目");

    /// <summary>An import template: the header row on the sheet <paramref name="sheetName"/>, the column notes on the second.</summary>
    public static byte[] Template(string sheetName, IReadOnlyList<(string Header, bool Required, string Note)> columns, string rowNoun)
    {
        var header = columns.Select((c, i) => (Key: Letter(i), c.Header)).ToDictionary(c => c.Key, c => (object)c.Header);
        var notes = new List<Dictionary<string, object>> { new() { ["A"] = "列名", ["B"] = "是否必填", ["C"] = "填写说明" } };
        notes.AddRange(columns.Select(c => new Dictionary<string, object> { ["A"] = c.Header, ["B"] = c.Required ? "必填" : "选填", ["C"] = c.Note }));
        notes.Add(new() { ["A"] = "", ["B"] = "", ["C"] = "" });
        notes.Add(new() { ["A"] = "说明", ["B"] = "", ["C"] = $"第 1 行为表头，请勿修改；从第 2 行起每行一个{rowNoun}。任一行有误时整个文件都不会导入，请按提示修改后重新导入。" });

        var sheets = new Dictionary<string, object>
        {
            [sheetName] = new List<Dictionary<string, object>> { header },
            [NotesSheetName] = notes,
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>One data row as read: its row number in Excel and each header's raw value.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, object?> Cells)
    {
        public bool IsBlank => Cells.Values.All(v => Text(v).Length == 0);

        public string this[string header] => Cells.TryGetValue(header, out var value) ? Text(value) : "";

        public object? Raw(string header) => Cells.TryGetValue(header, out var value) ? value : null;
    }

    /// <summary>The header names found and the data rows of the 项目 sheet (or the first sheet if it was renamed).</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<Row> Rows) Read(Stream content, int maxRows, string sheetName = SheetName)
    {
        var sheetNames = MiniExcel.GetSheetNames(content);
        content.Position = 0;
        var sheet = sheetNames.Contains(sheetName) ? sheetName : sheetNames.FirstOrDefault();
        var raw = MiniExcel.Query(content, useHeaderRow: false, sheetName: sheet, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>();

        List<string>? headers = null;
        Dictionary<string, string> headerOf = [];
        var rows = new List<Row>();
        var number = 0;
        foreach (var cells in raw)
        {
            number++;
            if (headers is null)
            {
                headerOf = cells.Where(c => Text(c.Value).Length > 0).ToDictionary(c => c.Key, c => Text(c.Value));
                headers = headerOf.Values.ToList();
                continue;
            }
            var row = new Row(number, headerOf.ToDictionary(h => h.Value, h => cells.TryGetValue(h.Key, out var v) ? v : null));
            if (row.IsBlank) continue;
            rows.Add(row);
            // One over the limit is enough to refuse the file; reading on would only cost memory.
            if (rows.Count > maxRows) break;
        }
        return (headers ?? [], rows);
    }

    /// <summary>A cell as text: numbers without Excel's “.0” or exponent (phone numbers are often typed as numbers).</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    private static readonly string[] MonthFormats = ["yyyy-M", "yyyy/M", "yyyy.M", "yyyy年M月", "yyyy.MM"];

    /// <summary>原计划完成时间: a date cell, a typed date, or a year and month (the month's last day).</summary>
    public static DateOnly? ParseDate(object? value)
    {
        switch (value)
        {
            case DateTime dt: return DateOnly.FromDateTime(dt);
            case double serial when serial is > 20_000 and < 80_000: return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        var text = Text(value);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return DateOnly.FromDateTime(date);
        if (DateTime.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        return null;
    }

    /// <summary>出生年月: “1980-05”, “1980.05”, “1980年5月”, or a date cell.</summary>
    public static (int Year, int Month)? ParseYearMonth(object? value)
    {
        switch (value)
        {
            case DateTime dt: return (dt.Year, dt.Month);
            // Excel turns 1980.10 into the number 1980.1; two decimals give the month back.
            case double d when d is > 1000 and < 3000: value = d.ToString("0.00", CultureInfo.InvariantCulture); break;
        }
        var text = Text(value);
        if (DateTime.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return (month.Year, month.Month);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (date.Year, date.Month);
        return null;
    }

    private static string Letter(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : Letter(index / 26 - 1) + (char)('A' + index % 26);
}
