using System.Net;
using BaZhouTalent.Application.Register;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace BaZhouTalent.IntegrationTests.Admin.Projects;

public class ImportProjectsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_template_is_an_xlsx_with_the_Chinese_headers_the_importer_reads()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);

        var response = await browser.Client.GetAsync(RegisterKit.ImportPage + "?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ProjectSheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([ProjectSheet.SheetName, ProjectSheet.NotesSheetName], stream.GetSheetNames());
        var header = (IDictionary<string, object>)stream.Query(sheetName: ProjectSheet.SheetName).First();
        Assert.Equal(ProjectSheet.Columns.Select(c => c.Header), header.Values.Select(v => v?.ToString()));
        Assert.Contains("立项编号", ProjectSheet.Columns.Select(c => c.Header));
    }

    [Fact]
    public async Task A_workbook_with_two_projects_registers_both()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var second = RegisterKit.SheetRow("BZ26QN202", "巴中市青年人才流动研究", phone: "0827-5263456");
        second[ProjectSheet.Category] = "QN";
        second[ProjectSheet.Participants] = "";
        second[ProjectSheet.LeaderAccount] = "";
        second[ProjectSheet.PlannedCompletion] = "2027年6月";
        second[ProjectSheet.Birth] = 1990.10;
        var bytes = RegisterKit.Workbook(RegisterKit.SheetRow("BZ26YB201", "巴中市红军文化传承研究"), second);

        var page = await RegisterKit.UploadAsync(browser, "项目登记.xlsx", bytes);

        Assert.Contains("已导入 2 个项目", page.Text);
        Assert.Contains("BZ26YB201", page.Text);
        Assert.Contains("BZ26QN202", page.Text);
        var first = await portal.WithDbAsync(db => db.FundedProjects.Include(p => p.OriginalParticipants).SingleAsync(p => p.Code == "BZ26YB201"));
        Assert.Equal(["张三", "李四"], first.OriginalParticipants.OrderBy(p => p.SortOrder).Select(p => p.Name));
        Assert.Equal("0827-5262345", first.OriginalParticipants.Single(p => p.Name == "李四").Phone);
        Assert.Equal((1979, 10), (first.OriginalLeader.BirthYear!.Value, first.OriginalLeader.BirthMonth!.Value));
        Assert.Equal(new DateOnly(2026, 6, 30), first.PlannedCompletion);
        Assert.NotNull(first.LeaderUserId);
        var young = await portal.WithDbAsync(db => db.FundedProjects.Include(p => p.Category).SingleAsync(p => p.Code == "BZ26QN202"));
        Assert.Equal(("QN", 2026, new DateOnly(2027, 6, 30), 10, (string?)null),
            (young.Category.Code, young.Year, young.PlannedCompletion, young.OriginalLeader.BirthMonth!.Value, young.LeaderUserId));
    }

    [Fact]
    public async Task A_workbook_with_one_bad_row_imports_nothing_and_names_the_row_and_the_problem()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var bad = RegisterKit.SheetRow("BZ26QN302", "巴中市乡村治理研究", phone: "12345");
        var bytes = RegisterKit.Workbook(RegisterKit.SheetRow("BZ26YB301", "巴中市生态康养研究"), bad);

        var page = await RegisterKit.UploadAsync(browser, "项目登记.xlsx", bytes);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var errors = page.Document.QuerySelectorAll(".import-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("项目类别") && e.Contains("不一致"));
        Assert.Contains(errors, e => e.StartsWith("第 3 行", StringComparison.Ordinal) && e.Contains("联系电话") && e.Contains("11 位手机号码"));
        Assert.DoesNotContain(errors, e => e.StartsWith("第 2 行", StringComparison.Ordinal));
        Assert.Contains("文件中的项目均未登记", page.Text);
        Assert.False(await portal.WithDbAsync(db => db.FundedProjects.AnyAsync(p => p.Code == "BZ26YB301" || p.Code == "BZ26QN302")));
    }

    [Fact]
    public async Task Codes_already_registered_or_repeated_in_the_file_are_reported()
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        var once = await RegisterKit.UploadAsync(browser, "第一批.xlsx", RegisterKit.Workbook(RegisterKit.SheetRow("BZ26YB401", "已登记的项目")));
        Assert.Contains("已导入 1 个项目", once.Text);

        var page = await RegisterKit.UploadAsync(browser, "第二批.xlsx", RegisterKit.Workbook(
            RegisterKit.SheetRow("BZ26YB401", "重复登记"),
            RegisterKit.SheetRow("BZ26YB402", "新项目"),
            RegisterKit.SheetRow("bz26yb402", "文件内重复")));

        var errors = page.Document.QuerySelectorAll(".import-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("第 2 行 · 立项编号：立项编号 BZ26YB401 已登记，不能重复登记。", errors);
        Assert.Contains("第 4 行 · 立项编号：立项编号 BZ26YB402 与第 3 行重复。", errors);
        Assert.False(await portal.WithDbAsync(db => db.FundedProjects.AnyAsync(p => p.Code == "BZ26YB402")));
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "text", "项目.csv", "只能导入 Excel（.xlsx）文件" },
        { "renamed", "项目.xlsx", "只能导入 Excel（.xlsx）文件" },
        { "docx-like", "项目.xlsx", "只能导入 Excel（.xlsx）文件" },
        { "oversized", "项目.xlsx", "文件超过 5 MB" },
        { "headers", "项目.xlsx", "缺少以下列" },
        { "empty-sheet", "项目.xlsx", "文件中没有项目数据" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Files_that_are_not_the_template_are_refused_in_Chinese(string kind, string fileName, string message)
    {
        var browser = await RegisterKit.SignInAsAdminAsync(portal);
        byte[] bytes = kind switch
        {
            "text" => "立项编号,项目名称\nBZ26YB501,项目"u8.ToArray(),
            "renamed" => "这不是 Excel 文件"u8.ToArray(),
            "docx-like" => ZipWith("word/document.xml"),
            "oversized" => new byte[ImportProjects.MaxFileBytes + 1],
            "headers" => Sheet(new Dictionary<string, object> { ["立项编号"] = "BZ26YB501", ["名称"] = "项目" }),
            "empty-sheet" => RegisterKit.Workbook(RegisterKit.SheetRow("", "")
                .ToDictionary(c => c.Key, _ => (object)"")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var page = await RegisterKit.UploadAsync(browser, fileName, bytes);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Document.QuerySelector("[data-valmsg-for='Workbook']")?.TextContent ?? "");
    }

    private static byte[] Sheet(Dictionary<string, object> row)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row });
        return stream.ToArray();
    }

    private static byte[] ZipWith(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<document/>");
        }
        return stream.ToArray();
    }
}
