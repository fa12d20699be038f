using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>
/// 用户管理: accounts with their roles and scope, searched, filtered by role and paged; create, reset password or second
/// factor, unlock, disable and enable, change role and scope from here.
/// </summary>
[Authorize(Roles = Roles.MunicipalFederation)]
public sealed class UsersModel(ListUsers.Handler handler) : ListPageModel
{
    public const string RoleKey = "role";

    /// <summary>The role filter; an unknown value lists every account.</summary>
    [BindProperty(SupportsGet = true, Name = RoleKey)] public string? Role { get; set; }

    public Paged<ListUsers.Row> Rows { get; private set; } = new([], 1, ListRequest.DefaultPageSize, 0);

    public bool Filtered => Listing.Term is not null || Roles.All.Contains(Role);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.HandleAsync(new ListUsers.Query(Listing, Role), cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(
        string userName, [FromServices] UnlockAccount.Handler unlock, CancellationToken cancellationToken)
    {
        if (!await unlock.HandleAsync(new UnlockAccount.Command(userName), User.Identity?.Name, cancellationToken))
            return NotFound();
        TempData[StatusMessages.Success] = $"账户“{userName}”已解除锁定。";
        // Back to the same view of the list (search, role, sort, page), which the form's address still carries.
        return Redirect(ListLinks.With(Request, ("handler", null)));
    }

    public Task<IActionResult> OnPostDisableAsync(string userName, [FromServices] SetAccountDisabled.Handler handler, CancellationToken cancellationToken) =>
        SetDisabledAsync(userName, true, handler, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string userName, [FromServices] SetAccountDisabled.Handler handler, CancellationToken cancellationToken) =>
        SetDisabledAsync(userName, false, handler, cancellationToken);

    private async Task<IActionResult> SetDisabledAsync(string userName, bool disabled, SetAccountDisabled.Handler handler, CancellationToken cancellationToken)
    {
        switch (await handler.HandleAsync(new SetAccountDisabled.Command(userName, disabled), cancellationToken))
        {
            case SetAccountDisabled.Outcome.NotFound:
                return NotFound();
            case SetAccountDisabled.Outcome.OwnAccount:
                TempData[StatusMessages.Success] = "不能停用自己的账户。";
                break;
            default:
                TempData[StatusMessages.Success] = disabled
                    ? $"账户“{userName}”已停用，不能再登录，其已登录的会话均已退出。"
                    : $"账户“{userName}”已启用。";
                break;
        }
        return Redirect(ListLinks.With(Request, ("handler", null)));
    }
}
