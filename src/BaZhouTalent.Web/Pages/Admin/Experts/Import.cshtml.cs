using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Experts;

/// <summary>导入专家: the template to fill, and the upload that saves every row or none.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ImportModel(ImportExperts.Handler handler) : PageModel
{
    [BindProperty]
    public IFormFile? Workbook { get; set; }

    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(ExpertSheet.Template(), ProjectSheet.ContentType, ExpertSheet.TemplateFileName);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Workbook is null)
        {
            ModelState.AddModelError(nameof(Workbook), "请选择要导入的 Excel（.xlsx）文件。");
            return Page();
        }

        await using var content = Workbook.OpenReadStream();
        var result = await handler.HandleAsync(new ImportProjects.Command(content, Workbook.Length, Workbook.FileName), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.FileError is { } error) ModelState.AddModelError(nameof(Workbook), error);
            RowErrors = result.RowErrors;
            return Page();
        }

        TempData[StatusMessages.Success] = $"已导入专家：新增 {result.Added} 位，更新 {result.Updated} 位。新增的账户须在“用户管理”中重置密码后方可登录。";
        return RedirectToPage("/Admin/Experts");
    }
}
