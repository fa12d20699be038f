using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Projects;

/// <summary>Excel 导入: the template to fill, and the upload that registers every row or none.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ImportModel(ImportProjects.Handler handler) : PageModel
{
    [BindProperty]
    public IFormFile? Workbook { get; set; }

    /// <summary>The refused file's problems, one line per row and field.</summary>
    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(ProjectSheet.Template(), ProjectSheet.ContentType, ProjectSheet.TemplateFileName);

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

        TempData[StatusMessages.Success] = $"已导入 {result.Imported} 个项目。";
        return RedirectToPage("/Admin/Projects");
    }
}
