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
}
