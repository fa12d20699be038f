using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>用户管理: accounts with their roles and scope; create, reset password and unlock from here.</summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class UsersModel(ListUsers.Handler handler) : PageModel
{
    public IReadOnlyList<ListUsers.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListUsers.Query(), cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(
        string userName, [FromServices] UnlockAccount.Handler unlock, CancellationToken cancellationToken)
    {
        if (!await unlock.HandleAsync(new UnlockAccount.Command(userName), User.Identity?.Name, cancellationToken))
            return NotFound();
        TempData[StatusMessages.Success] = $"账户“{userName}”已解除锁定。";
        return RedirectToPage();
    }
}
