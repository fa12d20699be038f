using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BaZhouTalent.Web.Pages;

public static class ModelStateExtensions
{
    /// <summary>
    /// Copies FluentValidation failures into ModelState under the bound object's prefix
    /// (e.g. "Input.NewPassword"), so asp-validation-for shows each message beside its field.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix)
    {
        foreach (var failure in result.Errors)
            modelState.AddModelError($"{prefix}.{failure.PropertyName}", failure.ErrorMessage);
    }

    /// <summary>
    /// Only a hand-made request gets past the inputs' types (a number field, a date): its binding errors are answered in
    /// Chinese like every other message.
    /// </summary>
    public static void ReplaceBindingErrors(this ModelStateDictionary modelState)
    {
        foreach (var entry in modelState.Values.Where(e => e.Errors.Count > 0))
        {
            entry.Errors.Clear();
            entry.Errors.Add("填写的内容格式不正确，请核对。");
        }
    }
}
