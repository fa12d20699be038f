using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BaZhouTalent.Application.Register;
using BaZhouTalent.IntegrationTests.Researcher;
using BaZhouTalent.IntegrationTests.Support;
using MiniExcelLibs;

namespace BaZhouTalent.IntegrationTests.Admin.Projects;

/// <summary>The city federation's side of the register: signing in, filling the form, building and uploading workbooks.</summary>
internal static class RegisterKit
{
    public const string CreatePage = "/Admin/Projects/Create";
    public const string ImportPage = "/Admin/Projects/Import";

    public static async Task<Browser> SignInAsAdminAsync(PortalFactory portal)
    {
        var browser = new Browser(portal.CreateBrowser());
        await browser.SignInAsync("admin", "Bz2025demo");
        return browser;
    }

    /// <summary>The option value whose text contains <paramref name="text"/> (a category's “（YB）”, a unit's name).</summary>
    public static string OptionValue(Browser.Page page, string selectName, string text) =>
        page.Document.QuerySelectorAll<IHtmlOptionElement>($"select[name='{selectName}'] option")
            .First(o => o.Text.Contains(text, StringComparison.Ordinal)).Value;

    /// <summary>A complete, valid form for <paramref name="code"/> in category YB at the Bazhou party school.</summary>
    public static Dictionary<string, string?> ValidForm(Browser.Page page, string code, string title, string category = "（YB）") => new()
    {
        ["Input.Code"] = code,
        ["Input.CategoryId"] = OptionValue(page, "Input.CategoryId", category),
        ["Input.Title"] = title,
        ["Input.UnitId"] = OptionValue(page, "Input.UnitId", "中共巴中市巴州区委党校"),
        ["Input.PlannedOutputForm"] = "研究报告 1 篇",
        ["Input.PlannedCompletion"] = "2026-12-31",
        ["Input.Leader.Name"] = "杨卓",
        ["Input.Leader.Gender"] = "女",
        ["Input.Leader.Ethnicity"] = "汉族",
        ["Input.Leader.BirthYear"] = "1985",
        ["Input.Leader.BirthMonth"] = "6",
        ["Input.Leader.Unit"] = "中共巴中市巴州区委党校",
        ["Input.Leader.AdministrativePost"] = "教研室主任",
        ["Input.Leader.ProfessionalTitle"] = "副教授",
        ["Input.Leader.Address"] = "四川省巴中市巴州区江北大道 1 号",
        ["Input.Leader.Phone"] = "13881600001",
        ["Input.Participants[0].Name"] = "王明",
        ["Input.Participants[0].Unit"] = "巴中市社会科学界联合会",
        ["Input.Participants[0].Title"] = "讲师",
        ["Input.Participants[0].Phone"] = "0827-5261234",
        ["Input.LeaderUserName"] = "yangzhuo",
    };

    /// <summary>One register row as the template lays it out, every column filled.</summary>
    public static Dictionary<string, object> SheetRow(string code, string title, string phone = "13881600002") => new()
    {
        [ProjectSheet.Code] = code,
        [ProjectSheet.Category] = "一般课题",
        [ProjectSheet.Title] = title,
        [ProjectSheet.Unit] = "中共巴中市巴州区委党校",
        [ProjectSheet.PlannedOutputForm] = "论文 1 篇",
        [ProjectSheet.PlannedCompletion] = new DateTime(2026, 6, 30),
        [ProjectSheet.LeaderName] = "李华",
        [ProjectSheet.Gender] = "男",
        [ProjectSheet.Ethnicity] = "汉族",
        [ProjectSheet.Birth] = "1979-10",
        [ProjectSheet.LeaderUnit] = "中共巴中市巴州区委党校",
        [ProjectSheet.AdministrativePost] = "",
        [ProjectSheet.ProfessionalTitle] = "教授",
        [ProjectSheet.Address] = "四川省巴中市巴州区回风大道 8 号",
        [ProjectSheet.Phone] = phone,
        [ProjectSheet.Participants] = "张三/巴中职业技术学院/讲师/13881600003；李四/巴中市委党校/副教授/0827-5262345",
        [ProjectSheet.LeaderAccount] = "yangzhuo",
    };

    public static byte[] Workbook(params Dictionary<string, object>[] rows) => Workbook(ProjectSheet.SheetName, rows);

    public static byte[] Workbook(string sheetName, params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: sheetName);
        return stream.ToArray();
    }

    /// <summary>Uploads <paramref name="bytes"/> through the import page's form, antiforgery token included.</summary>
    public static async Task<Browser.Page> UploadAsync(Browser browser, string fileName, byte[] bytes, string importPage = ImportPage)
    {
        var page = await browser.GetAsync(importPage);
        var token = page.Document.QuerySelector<IHtmlInputElement>("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")!.Value;
        using var multipart = new MultipartFormDataContent();
        multipart.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(ProjectSheet.ContentType);
        multipart.Add(file, "Workbook", fileName);
        var response = await browser.Client.PostAsync(importPage, multipart);
        return await Forms.FollowAsync(browser, await Browser.Page.ReadAsync(response, importPage));
    }
}
