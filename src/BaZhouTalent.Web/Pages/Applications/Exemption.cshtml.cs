using BaZhouTalent.Application.Applications;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>结项方式: the researcher asks for 免于鉴定 on a configured ground (or not) before submitting.</summary>
public sealed class ExemptionModel(
    FindApplication.Handler find, IAuthorizationService authorization,
    RequestExemption.Handler handler, IValidator<RequestExemption.Command> validator, IOptions<ClosureOptions> options)
    : ApplicationPageModel(find, authorization)
{
    public sealed class Form
    {
        public Guid ConcurrencyStamp { get; set; }
        public bool? Requested { get; set; }
        public string? Ground { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<string> Grounds => options.Value.Grounds;

    public string OtherGround => options.Value.OtherExemptionGround;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        Input = new Form
        {
            ConcurrencyStamp = Application.ConcurrencyStamp,
            Requested = Application.ExemptionRequested,
            Ground = Application.ExemptionGround,
            Description = Application.ExemptionDescription,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForEditAsync(code, cancellationToken) is { } other) return other;
        var command = new RequestExemption.Command(code, Input.ConcurrencyStamp, Input.Requested, Input.Ground, Input.Description);
        // Nothing is saved until the choice is complete; what was typed stays on the page with the messages.
        var result = await validator.ValidateAsync(command, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            return Page();
        }
        if (Unsaved(await handler.HandleAsync(command, cancellationToken), code) is { } unsaved) return unsaved;
        TempData[StatusMessages.Success] = Input.Requested == true ? "已保存免于鉴定申请，提交后由市社科联审核。" : "已选择按正常程序进行专家鉴定。";
        return RedirectToPage("Details", new { code });
    }
}
