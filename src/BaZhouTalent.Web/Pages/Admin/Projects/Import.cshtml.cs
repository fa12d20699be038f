using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Admin.Projects;

/// <summary>Excel 导入: the template to fill, and the upload that registers every row or none.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ImportModel(ImportProjects.Handler handler) : WorkbookImportPageModel
{
    public IActionResult OnGetTemplate() =>
        File(ProjectSheet.Template(), ProjectSheet.ContentType, ProjectSheet.TemplateFileName);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ImportAsync(async (command, ct) =>
        {
            var result = await handler.HandleAsync(command, ct);
            return new Outcome(result.FileError, result.RowErrors, $"已导入 {result.Imported} 个项目。");
        }, "/Admin/Projects", cancellationToken);
}
