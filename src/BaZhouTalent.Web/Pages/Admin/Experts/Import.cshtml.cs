using BaZhouTalent.Application.Experts;
using BaZhouTalent.Application.Register;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Admin.Experts;

/// <summary>导入专家: the template to fill, and the upload that saves every row or none.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class ImportModel(ImportExperts.Handler handler) : WorkbookImportPageModel
{
    public IActionResult OnGetTemplate() =>
        File(ExpertSheet.Template(), ProjectSheet.ContentType, ExpertSheet.TemplateFileName);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ImportAsync(async (command, ct) =>
        {
            var result = await handler.HandleAsync(command, ct);
            return new Outcome(result.FileError, result.RowErrors,
                $"已导入专家：新增 {result.Added} 位，更新 {result.Updated} 位。新增的账户须在“用户管理”中重置密码后方可登录。");
        }, "/Admin/Experts", cancellationToken);
}
