using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Queue;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Admin;

/// <summary>用户管理: accounts with their roles and scope, searched, filtered by role and paged; create, reset password and unlock from here.</summary>
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
}
