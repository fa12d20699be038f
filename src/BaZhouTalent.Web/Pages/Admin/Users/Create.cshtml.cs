using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin.Users;

/// <summary>新建账户: the city federation creates an account that must change its password at first sign-in.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class CreateModel(CreateAccount.Handler handler, IValidator<CreateAccount.Command> validator) : PageModel
{
    [BindProperty]
    public CreateAccount.Command Input { get; set; } = new();

    public CreateAccount.Choices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Choices = await handler.GetChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (result.IsValid)
            result = await handler.HandleAsync(Input, User.Identity?.Name, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddErrors(result, nameof(Input));
            Choices = await handler.GetChoicesAsync(cancellationToken);
            return Page();
        }

        TempData[StatusMessages.Success] = $"账户“{Input.UserName!.Trim()}”已创建，首次登录时须修改初始密码。";
        return RedirectToPage("/Admin/Users");
    }
}
