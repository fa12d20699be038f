using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Text;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Infrastructure.Data;
using BaZhouTalent.IntegrationTests.Review;
using BaZhouTalent.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BaZhouTalent.IntegrationTests.Programme;

/// <summary>
/// The Excel exports are written to the response as their rows are read: with the export's query held at its end (the
/// database has handed over every row but not yet said it has no more), the client already holds the workbook's
/// first rows. An export built whole before its first byte (as before) never answers while the query is held, and
/// the test fails on its guard. The workbook read back holds every row of the list in order, with the 说明 sheet; a
/// client that leaves midway ends the request as 499 without an error logged. The memory and first-byte figures at
/// 20,000 rows are in docs/benchmarks.md.
/// </summary>
public class ExportStreamingTests(ExportStreamingTests.HeldExportPortal portal) : IClassFixture<ExportStreamingTests.HeldExportPortal>
{
    /// <summary>Projects of one year beside the programme mix: enough rows that the sheet's compressed bytes leave before its end.</summary>
    private const int Bulk = 1500;
    private const int BulkYear = 2021;
    private const string ExportOfBulk = "/Programme?handler=Export&year=2021&sort=code";

    /// <summary>A guard against hanging, not a timing assertion.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    public class HeldExportPortal : PortalFactory
    {
        public ExportEndGate Gate { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Gate));
                services.ConfigureDbContext<PostgreSqlAppDbContext>(o => o.AddInterceptors(Gate));
            });
        }
    }

    /// <summary>
    /// Holds an export's query (<see cref="StreamedWorkbook.QueryTag"/>) at its end, once armed: the reader has given
    /// every row and is being closed, and waits there until the test releases it.
    /// </summary>
    public sealed class ExportEndGate : DbCommandInterceptor
    {
        private volatile bool armed;

        public TaskCompletionSource Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Arm()
        {
            Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            armed = true;
        }

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData,
            InterceptionResult result)
        {
            if (armed && command.CommandText.Contains("-- " + StreamedWorkbook.QueryTag, StringComparison.Ordinal))
            {
                armed = false;
                Reached.TrySetResult();
                await Released.Task;
            }
            return result;
        }
    }

    private async Task<Browser> ArrangeAsync()
    {
        await ProgrammeMix.SeedAsync(portal);
        await portal.WithDbAsync(async db =>
        {
            if (await db.FundedProjects.AnyAsync(p => p.Year == BulkYear)) return 0;
            var unit = await db.Units.SingleAsync(u => u.Name == ProgrammeMix.TestUnitB);
            var category = await db.ProjectCategories.OrderBy(c => c.SortOrder).FirstAsync();
            for (var i = 1; i <= Bulk; i++)
            {
                db.FundedProjects.Add(new FundedProject
                {
                    Code = BulkCode(i), Title = $"流式导出测试项目之{i}", Year = BulkYear, CategoryId = category.Id, UnitId = unit.Id,
                    PlannedOutputForm = "研究报告 1 篇", PlannedCompletion = new DateOnly(2022, 6, 30),
                    OriginalLeader = new PersonDetails { Name = $"导出负责人{i:0000}" },
                });
            }
            return await db.SaveChangesAsync();
        });
        return await ReviewKit.SignInAsync(portal, "admin");
    }

    private static string BulkCode(int i) => $"BZ21YB{i:0000}";

    [SkippableFact]
    public async Task The_first_rows_reach_the_client_while_the_export_is_still_reading_its_list()
    {
        var admin = await ArrangeAsync();
        portal.Gate.Arm();

        using var response = await admin.Client.GetAsync(ExportOfBulk, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StreamedWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("结项管理-", response.Content.Headers.ContentDisposition?.FileNameStar);

        // The first rows of the sheet arrive (compressed, read back from the bytes so far) while its query is held.
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (!SheetSoFar(received.ToArray()).Contains(BulkCode(1), StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer).AsTask().WaitAsync(Guard);
            Assert.True(read > 0, "the export ended before its first rows were found");
            received.Write(buffer, 0, read);
        }
        // The held query is on the export's way: the rest does not arrive until it is released.
        var tail = new MemoryStream();
        var rest = body.CopyToAsync(tail);
        var firstToHappen = await Task.WhenAny(portal.Gate.Reached.Task, rest).WaitAsync(Guard);
        Assert.True(firstToHappen == portal.Gate.Reached.Task, "the export ended without its query being held\n" + portal.ReadLogs());
        Assert.False(rest.IsCompleted);

        portal.Gate.Released.SetResult();
        await rest.WaitAsync(Guard);
        received.Write(tail.ToArray());
        var rows = Sheet(received.ToArray(), "结项管理");
        Assert.Equal(Enumerable.Range(1, Bulk).Select(BulkCode), rows.Select(r => (string)r["立项编号"]));
    }

    [SkippableFact]
    public async Task The_workbook_read_back_holds_every_row_of_the_list_in_order_with_its_columns_and_the_note()
    {
        var admin = await ArrangeAsync();
        var all = await ProgrammeMix.LoadAllAsync(portal);

        var response = await admin.Client.GetAsync("/Programme?handler=Export&sort=code");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workbook = await response.Content.ReadAsByteArrayAsync();
        var rows = Sheet(workbook, "结项管理");
        Assert.Equal(all.Select(p => p.Code).Order(StringComparer.Ordinal), rows.Select(r => (string)r["立项编号"]));
        var headers = rows[0].Keys.ToList();
        Assert.Equal(["立项编号", "项目名称", "年度", "项目类别", "项目负责人", "所在单位", "区县", "结项状态", "提交时间", "鉴定等级", "结项证书编号",
            "计划完成时间", "逾期未结项", "复制比（自建库）"], headers);
        var last = rows.Single(r => (string)r["立项编号"] == BulkCode(Bulk));
        Assert.Equal($"流式导出测试项目之{Bulk}", last["项目名称"]);
        Assert.Equal($"导出负责人{Bulk:0000}", last["项目负责人"]);
        Assert.Equal(ProgrammeMix.TestUnitB, last["所在单位"]);
        Assert.Equal("通江县", last["区县"]);
        Assert.Equal("2022-06-30", last["计划完成时间"]);
        Assert.Equal("是", last["逾期未结项"]);
        var concluded = all.First(p => p.Application?.Status == ApplicationStatus.Concluded);
        var exported = rows.Single(r => (string)r["立项编号"] == concluded.Code);
        Assert.Equal(concluded.Application!.CertificateNumber, exported["结项证书编号"]);
        Assert.Equal("已结项", exported["结项状态"]);
        var note = Sheet(workbook, "说明").Select(r => (string)r["说明"]).ToList();
        Assert.Contains(note, n => n.Contains("含个人信息（项目负责人姓名、所在单位）", StringComparison.Ordinal));
        Assert.Contains(note, n => n.Contains("导出人：admin", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_client_that_leaves_midway_ends_the_export_as_499_with_no_error_logged()
    {
        var admin = await ArrangeAsync();
        portal.Gate.Arm();
        var logged = portal.ReadLogs().Length;

        var response = await admin.Client.GetAsync(ExportOfBulk, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync();
        Assert.True(await body.ReadAsync(new byte[1024]).AsTask().WaitAsync(Guard) > 0);
        using var leave = new CancellationTokenSource();
        var reading = body.CopyToAsync(Stream.Null, leave.Token);
        await portal.Gate.Reached.Task.WaitAsync(Guard);
        // The client goes away with the rest of the workbook unsent; then the export's query finishes.
        await leave.CancelAsync();
        await reading.ContinueWith(_ => { }, TaskScheduler.Default); // stopped by the cancellation, however it reports it
        await body.DisposeAsync();
        response.Dispose();
        portal.Gate.Released.SetResult();

        // The request log names the path without its query: the list's views and the other exports answered 200.
        var line = await LogLineAsync(l => l.Contains("HTTP GET /Programme responded", StringComparison.Ordinal)
            && !l.Contains("responded 200", StringComparison.Ordinal));
        Assert.Contains("responded 499", line);
        Assert.Contains("[INF]", line);
        Assert.DoesNotContain("[ERR]", portal.ReadLogs()[logged..]);
        // The portal goes on serving, the export included.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(ExportOfBulk)).StatusCode);
    }

    /// <summary>Waits for a line of the portal's log that <paramref name="matches"/> (the request's end is logged after it ends).</summary>
    private async Task<string> LogLineAsync(Func<string, bool> matches)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            if (portal.ReadLogs().Split('\n').FirstOrDefault(matches) is { } line) return line;
            await Task.Delay(50, guard.Token); // polling a condition, with the guard above; not a timing assertion
        }
    }

    /// <summary>The rows of a workbook's sheet, by its Chinese headers.</summary>
    public static List<IDictionary<string, object>> Sheet(byte[] workbook, string sheet)
    {
        using var content = new MemoryStream(workbook);
        return content.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
    }

    /// <summary>
    /// The first sheet's XML as far as it has arrived: the zip's local entry for it found in the bytes so far and
    /// inflated up to where they end (a zip written as it goes has no directory until its end).
    /// </summary>
    private static string SheetSoFar(byte[] received)
    {
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        var at = received.AsSpan().IndexOf(name);
        if (at < 30) return "";
        var header = at - 30;
        var start = at + name.Length + BitConverter.ToUInt16(received, header + 28);
        if (start > received.Length) return "";
        using var inflate = new DeflateStream(new MemoryStream(received, start, received.Length - start), CompressionMode.Decompress);
        var xml = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = inflate.Read(buffer)) > 0) xml.Write(buffer, 0, read);
        }
        catch (InvalidDataException)
        {
            // The bytes end inside a block: what was inflated before it is the sheet so far.
        }
        return Encoding.UTF8.GetString(xml.ToArray());
    }
}
