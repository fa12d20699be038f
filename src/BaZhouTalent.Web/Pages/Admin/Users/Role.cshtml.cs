using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Users;

/// <summary>调整角色与单位: one account's role and its unit or county.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class RoleModel(ChangeAccountRole.Handler handler, CreateAccount.Handler choices, IValidator<ChangeAccountRole.Command> validator) : PageModel
{
    [BindProperty]
    public ChangeAccountRole.Command Input { get; set; } = new();

    public CreateAccount.Choices Choices { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(string userName, CancellationToken cancellationToken)
    {
        if (await handler.CurrentAsync(userName) is not { } current) return NotFound();
        Input = current;
        Choices = await choices.GetChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName, CancellationToken cancellationToken)
    {
        if (await handler.CurrentAsync(userName) is not { } current) return NotFound();
        Input.UserName = current.UserName;
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (result.IsValid)
        {
            switch (await handler.HandleAsync(Input, cancellationToken))
            {
                case ChangeAccountRole.Outcome.NotFound:
                    return NotFound();
                case ChangeAccountRole.Outcome.OwnAccount:
                    ModelState.AddModelError(string.Empty, "不能调整自己账户的角色，请由其他市社科联工作人员办理。");
                    Choices = await choices.GetChoicesAsync(cancellationToken);
                    return Page();
            }
            TempData[StatusMessages.Success] = $"账户“{current.UserName}”的角色与单位已调整。";
            return RedirectToPage("/Admin/Users");
        }
        ModelState.AddErrors(result, nameof(Input));
        Choices = await choices.GetChoicesAsync(cancellationToken);
        return Page();
    }
}
