using System.IO.Compression;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Register;

/// <summary>
/// 导入: many projects from the Excel template. Every row passes the same validator as the form; if any row
/// is wrong nothing is saved and each problem is reported by its Excel row number.
/// </summary>
public static class ImportProjects
{
    public const long MaxFileBytes = 5L * 1024 * 1024;
    public const int MaxRows = 500;
    private const long MaxUncompressedBytes = 100L * 1024 * 1024;
    private const int MaxEntries = 1_000;

    private const string NotExcelMessage = "只能导入 Excel（.xlsx）文件。请用“下载模板”得到的模板填写；如为 .xls、.csv 或 .et 文件，请在 Excel 或 WPS 中另存为“.xlsx”后再导入。";
    private const string CorruptMessage = "无法读取该 Excel 文件，文件可能已损坏。请在 Excel 或 WPS 中打开并重新另存为“.xlsx”后再导入。";
    private const string BombMessage = "该文件解压后的内容异常庞大，系统已拒绝读取。请在 Excel 或 WPS 中重新另存为“.xlsx”后再导入。";

    public sealed record Command(Stream Content, long Length, string FileName);

    public sealed record Result(int Imported, string? FileError, IReadOnlyList<string> RowErrors)
    {
        public bool Succeeded => FileError is null && RowErrors.Count == 0;
        public static Result Fail(string error) => new(0, error, []);
    }

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> users, RegisterProject.Validator validator, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var (rows, fileError) = await ReadWorkbookAsync(command, ProjectSheet.SheetName, ProjectSheet.Columns, "项目", log, cancellationToken);
            if (fileError is not null) return Result.Fail(fileError);

            var categories = await db.ProjectCategories.AsNoTracking().Where(c => c.IsActive).ToListAsync(cancellationToken);
            var units = await db.Units.AsNoTracking().Where(u => !u.IsDisabled).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);

            var errors = new List<string>();
            var commands = new List<RegisterProject.Command>();
            var firstRowOfCode = new Dictionary<string, int>();
            foreach (var row in rows)
            {
                var (rowCommand, parseErrors) = ToCommand(row, categories, units.ToDictionary(u => u.Name, u => u.Id));
                var result = await validator.ValidateAsync(rowCommand, cancellationToken);
                var rowErrors = parseErrors
                    .Concat(result.Errors.Where(f => !parseErrors.ContainsKey(f.PropertyName))
                        .Select(f => KeyValuePair.Create(f.PropertyName, f.ErrorMessage)))
                    .Where(e => e.Value.Length > 0)
                    .Select(e => $"第 {row.Number} 行 · {Label(e.Key)}：{e.Value}")
                    .ToList();

                var code = ProjectCode.Normalize(rowCommand.Code);
                if (code.Length > 0 && !firstRowOfCode.TryAdd(code, row.Number))
                    rowErrors.Add($"第 {row.Number} 行 · {ProjectSheet.Code}：立项编号 {code} 与第 {firstRowOfCode[code]} 行重复。");

                errors.AddRange(rowErrors);
                commands.Add(rowCommand);
            }
            if (errors.Count > 0)
            {
                log.LogInformation("Register import refused: {Rows} rows, {Errors} problems", rows.Count, errors.Count);
                return new Result(0, null, errors);
            }

            foreach (var rowCommand in commands)
                db.FundedProjects.Add(await RegisterProject.ToProjectAsync(rowCommand, users));
            audit.Add(StaffAction.ProjectsImported, command.FileName,
                $"{commands.Count} 个项目：{string.Join("、", commands.Select(c => ProjectCode.Normalize(c.Code)))}");
            // One SaveChanges is one transaction: all rows or none.
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateRowException)
            {
                return Result.Fail("导入期间其中的立项编号已由他人登记，本次未导入任何项目。请重新导入，系统会列出重复的行。");
            }
            log.LogInformation("Register import saved {Count} projects", commands.Count);
            return new Result(commands.Count, null, []);
        }

        private static (RegisterProject.Command Command, Dictionary<string, string> Errors) ToCommand(
            ProjectSheet.Row row, IReadOnlyList<ProjectCategory> categories, IReadOnlyDictionary<string, int> units)
        {
            var errors = new Dictionary<string, string>();
            var command = new RegisterProject.Command
            {
                Code = row[ProjectSheet.Code],
                Title = row[ProjectSheet.Title],
                PlannedOutputForm = row[ProjectSheet.PlannedOutputForm],
                LeaderUserName = row[ProjectSheet.LeaderAccount],
                Leader = new PersonInput
                {
                    Name = row[ProjectSheet.LeaderName],
                    Gender = row[ProjectSheet.Gender],
                    Ethnicity = row[ProjectSheet.Ethnicity],
                    Unit = row[ProjectSheet.LeaderUnit],
                    AdministrativePost = row[ProjectSheet.AdministrativePost],
                    ProfessionalTitle = row[ProjectSheet.ProfessionalTitle],
                    Address = row[ProjectSheet.Address],
                    Phone = row[ProjectSheet.Phone],
                },
            };

            var category = row[ProjectSheet.Category];
            if (category.Length > 0)
            {
                var found = categories.FirstOrDefault(c => c.Name == category || string.Equals(c.Code, category, StringComparison.OrdinalIgnoreCase));
                if (found is null) errors[nameof(command.CategoryId)] = $"项目类别“{category}”不存在或已停用。";
                command.CategoryId = found?.Id;
            }

            var unit = row[ProjectSheet.Unit];
            if (unit.Length > 0)
            {
                if (units.TryGetValue(unit, out var unitId)) command.UnitId = unitId;
                else errors[nameof(command.UnitId)] = $"单位“{unit}”未在单位管理中登记，请核对名称。";
            }

            if (row[ProjectSheet.PlannedCompletion].Length > 0)
            {
                command.PlannedCompletion = ProjectSheet.ParseDate(row.Raw(ProjectSheet.PlannedCompletion));
                if (command.PlannedCompletion is null)
                    errors[nameof(command.PlannedCompletion)] = "无法识别该日期，请按“2026-12-31”的格式填写。";
            }

            if (row[ProjectSheet.Birth].Length > 0)
            {
                if (ProjectSheet.ParseYearMonth(row.Raw(ProjectSheet.Birth)) is { } birth)
                    (command.Leader.BirthYear, command.Leader.BirthMonth) = birth;
                else
                {
                    errors["Leader.BirthYear"] = "无法识别出生年月，请按“1980-05”的格式填写。";
                    // An empty message is not shown; it only silences the validator's echo of the same problem.
                    errors["Leader.BirthMonth"] = "";
                }
            }

            var participants = row[ProjectSheet.Participants];
            foreach (var item in participants.Split(['；', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(['/', '／'], StringSplitOptions.TrimEntries);
                if (parts.Length != 4)
                {
                    errors[nameof(command.Participants)] = $"“{item}”应按“姓名/单位/职称/电话”填写，多人之间用“；”分隔。";
                    continue;
                }
                command.Participants.Add(new ParticipantInput { Name = parts[0], Unit = parts[1], Title = parts[2], Phone = parts[3] });
            }

            return (command, errors);
        }

        private static string Label(string property)
        {
            if (property.StartsWith("Participants[", StringComparison.Ordinal))
            {
                var close = property.IndexOf(']');
                var index = int.Parse(property[13..close], System.Globalization.CultureInfo.InvariantCulture);
                return $"{ProjectSheet.Participants}第 {index + 1} 人";
            }
            return property switch
            {
                nameof(RegisterProject.Command.Code) => ProjectSheet.Code,
                nameof(RegisterProject.Command.CategoryId) => ProjectSheet.Category,
                nameof(RegisterProject.Command.Title) => ProjectSheet.Title,
                nameof(RegisterProject.Command.UnitId) => ProjectSheet.Unit,
                nameof(RegisterProject.Command.PlannedOutputForm) => ProjectSheet.PlannedOutputForm,
                nameof(RegisterProject.Command.PlannedCompletion) => ProjectSheet.PlannedCompletion,
                nameof(RegisterProject.Command.Participants) => ProjectSheet.Participants,
                nameof(RegisterProject.Command.LeaderUserName) => ProjectSheet.LeaderAccount,
                "Leader.Name" => ProjectSheet.LeaderName,
                "Leader.Gender" => ProjectSheet.Gender,
                "Leader.Ethnicity" => ProjectSheet.Ethnicity,
                "Leader.BirthYear" or "Leader.BirthMonth" => ProjectSheet.Birth,
                "Leader.Unit" => ProjectSheet.LeaderUnit,
                "Leader.AdministrativePost" => ProjectSheet.AdministrativePost,
                "Leader.ProfessionalTitle" => ProjectSheet.ProfessionalTitle,
                "Leader.Address" => ProjectSheet.Address,
                "Leader.Phone" => ProjectSheet.Phone,
                _ => property,
            };
        }
    }

    /// <summary>
    /// The checks every import makes before reading a row: size, extension, a real workbook and no zip bomb, a
    /// readable sheet with every column of the template, at least one and at most <see cref="MaxRows"/> rows.
    /// </summary>
    public static async Task<(IReadOnlyList<ProjectSheet.Row> Rows, string? Error)> ReadWorkbookAsync(
        Command command, string sheetName, IReadOnlyList<(string Header, bool Required, string Note)> columns, string rowNoun,
        ILogger log, CancellationToken cancellationToken)
    {
        if (command.Length == 0) return ([], "所选文件是空的，请重新选择。");
        if (command.Length > MaxFileBytes) return ([], $"文件超过 {MaxFileBytes / 1024 / 1024} MB，请拆分后分批导入。");
        if (!command.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return ([], NotExcelMessage);

        using var content = new MemoryStream();
        await command.Content.CopyToAsync(content, cancellationToken);
        if (Inspect(content) is { } problem) return ([], problem);

        IReadOnlyList<string> headers;
        IReadOnlyList<ProjectSheet.Row> rows;
        try
        {
            content.Position = 0;
            (headers, rows) = ProjectSheet.Read(content, MaxRows, sheetName);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or IOException)
        {
            log.LogWarning(e, "Could not read the uploaded {Sheet} workbook", sheetName);
            return ([], CorruptMessage);
        }

        var missing = columns.Where(c => !headers.Contains(c.Header)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
            return ([], $"文件第 1 行缺少以下列：{string.Join("、", missing)}。请用“下载模板”得到的模板填写。");
        if (rows.Count == 0) return ([], $"文件中没有{rowNoun}数据：第 1 行为表头，请从第 2 行起每行填写一个{rowNoun}。");
        if (rows.Count > MaxRows) return ([], $"一次最多导入 {MaxRows} 个{rowNoun}，请拆分后分批导入。");
        return (rows, null);
    }

    /// <summary>A workbook is a zip holding xl/workbook.xml; anything else, or a zip bomb, is refused before parsing.</summary>
    internal static string? Inspect(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) return BombMessage;
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUncompressedBytes) return BombMessage;
            }
            return zip.GetEntry("xl/workbook.xml") is null ? NotExcelMessage : null;
        }
        catch (InvalidDataException)
        {
            return NotExcelMessage;
        }
    }
}
