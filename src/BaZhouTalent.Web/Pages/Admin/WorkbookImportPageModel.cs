using BaZhouTalent.Application.Register;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>
/// What every Excel import page does (项目登记, 专家库): offer the template, take one .xlsx, and either show the
/// file's or the rows' problems (nothing saved) or say what was saved and go back to the list.
/// </summary>
public abstract class WorkbookImportPageModel : PageModel
{
    [BindProperty]
    public IFormFile? Workbook { get; set; }

    /// <summary>The refused file's problems, one line per row and field.</summary>
    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    public void OnGet()
    {
    }

    /// <summary>What one import answered: a problem with the file, problems by row, or the success message.</summary>
    protected sealed record Outcome(string? FileError, IReadOnlyList<string> RowErrors, string Success);

    protected async Task<IActionResult> ImportAsync(
        Func<ImportProjects.Command, CancellationToken, Task<Outcome>> import, string listPage, CancellationToken cancellationToken)
    {
        if (Workbook is null)
        {
            ModelState.AddModelError(nameof(Workbook), "请选择要导入的 Excel（.xlsx）文件。");
            return Page();
        }

        await using var content = Workbook.OpenReadStream();
        var outcome = await import(new ImportProjects.Command(content, Workbook.Length, Workbook.FileName), cancellationToken);
        if (outcome.FileError is not null || outcome.RowErrors.Count > 0)
        {
            if (outcome.FileError is { } error) ModelState.AddModelError(nameof(Workbook), error);
            RowErrors = outcome.RowErrors;
            return Page();
        }

        TempData[StatusMessages.Success] = outcome.Success;
        return RedirectToPage(listPage);
    }
}
