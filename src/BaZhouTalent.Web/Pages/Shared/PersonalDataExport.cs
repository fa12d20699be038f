using System.Globalization;
using BaZhouTalent.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// An Excel export that holds personal information (个人信息) says so: besides its list it carries a sheet 说明 naming
/// what personal data it holds, who exported it and when, and that it is for work use only. The page that offers it
/// says so too, and the export is recorded in the security audit by the page before its first byte.
/// </summary>
public static class PersonalDataExport
{
    public const string ContentType = StreamedWorkbook.ContentType;

    /// <summary>The sentence the export's sheet and the page show, e.g. for “项目负责人姓名、所在单位”.</summary>
    public static string Notice(string personalData) =>
        $"本文件含个人信息（{personalData}），仅限工作使用，不得对外提供或公开；导出操作已记入安全审计。";

    /// <summary>
    /// The workbook <paramref name="fileName"/> written to the response as <paramref name="rows"/> are read (<see
    /// cref="StreamedWorkbook"/>): the sheet <paramref name="sheetName"/>, then 说明.
    /// </summary>
    public static async Task<IActionResult> WriteAsync(PageModel page, string fileName, string sheetName,
        IAsyncEnumerable<Dictionary<string, object?>> rows, string personalData, TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = new List<Dictionary<string, object?>>
        {
            new() { ["说明"] = Notice(personalData) },
            new() { ["说明"] = $"导出人：{page.User.Identity?.Name}；导出时间：{clock.GetUtcNow().ToChina().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}" },
        };
        var body = Downloads.Start(page.Response, ContentType, fileName);
        await StreamedWorkbook.WriteAsync(body, sheetName, rows, new Dictionary<string, object> { ["说明"] = note }, cancellationToken);
        return new EmptyResult();
    }
}
