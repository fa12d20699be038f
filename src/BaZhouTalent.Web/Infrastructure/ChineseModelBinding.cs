using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Infrastructure;

/// <summary>Model-binding messages in Chinese; forms validate with FluentValidation, so no implicit [Required].</summary>
public static class ChineseModelBinding
{
    public static void Configure(MvcOptions options)
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => "此项为必填项。");
        messages.SetMissingBindRequiredValueAccessor(name => $"请填写“{name}”。");
        messages.SetMissingKeyOrValueAccessor(() => "此项为必填项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(_ => "此项必须是数字。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字。");
    }
}
