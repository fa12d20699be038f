using System.Globalization;
using System.Security.Claims;
using BaZhouTalent.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace BaZhouTalent.Web.Pages.Shared;

/// <summary>
/// An Excel export that holds personal information (个人信息) says so: besides its list it carries a sheet 说明 naming
/// what personal data it holds, who exported it and when, and that it is for work use only. The page that offers it
/// says so too, and the export is recorded in the security audit by the page.
/// </summary>
public static class PersonalDataExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sentence the export's sheet and the page show, e.g. for “项目负责人姓名、所在单位”.</summary>
    public static string Notice(string personalData) =>
        $"本文件含个人信息（{personalData}），仅限工作使用，不得对外提供或公开；导出操作已记入安全审计。";

    public static async Task<MemoryStream> WorkbookAsync(string sheetName, IReadOnlyList<Dictionary<string, object?>> rows,
        string personalData, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var note = new List<Dictionary<string, object?>>
        {
            new() { ["说明"] = Notice(personalData) },
            new() { ["说明"] = $"导出人：{user.Identity?.Name}；导出时间：{clock.GetUtcNow().ToChina().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}" },
        };
        var sheets = new Dictionary<string, object> { [sheetName] = rows, ["说明"] = note };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        stream.Position = 0;
        return stream;
    }

    public static FileStreamResult File(PageModel page, Stream content, string fileName)
    {
        page.Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        page.Response.Headers.ContentDisposition = disposition.ToString();
        return new FileStreamResult(content, ContentType);
    }
}
