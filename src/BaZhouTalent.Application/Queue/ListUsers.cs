using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Queue;

/// <summary>用户管理: every account with its roles, unit or region, and whether it is locked.</summary>
public static class ListUsers
{
    public sealed record Query;

    public sealed record Row(
        string UserName,
        string DisplayName,
        string? UnitName,
        string? RegionName,
        IReadOnlyList<string> Roles,
        bool MustChangePassword,
        bool IsLockedOut,
        string RealName = "",
        string Post = "")
    {
        public string RoleNames => string.Join("、", Roles.Select(Security.Roles.ToChinese));
    }

    /// <remarks>
    /// Roles come through <see cref="UserManager{TUser}"/> (one query per role) because the
    /// application's context interface deliberately does not expose Identity's join tables.
    /// </remarks>
    public sealed class Handler(IAppDbContext db, UserManager<AppUser> userManager, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var rolesByUser = new Dictionary<string, List<string>>();
            foreach (var role in Roles.All)
            {
                foreach (var member in await userManager.GetUsersInRoleAsync(role))
                {
                    if (!rolesByUser.TryGetValue(member.Id, out var roles))
                        rolesByUser[member.Id] = roles = [];
                    roles.Add(role);
                }
            }

            var users = await db.Users
                .OrderBy(u => u.UserName)
                .Select(u => new
                {
                    u.Id,
                    u.UserName,
                    u.DisplayName,
                    u.RealName,
                    u.Post,
                    UnitName = u.Unit == null ? null : u.Unit.Name,
                    RegionName = u.Region == null ? null : u.Region.Name,
                    u.MustChangePassword,
                    u.LockoutEnd,
                })
                .ToListAsync(cancellationToken);

            var now = clock.GetUtcNow();
            return users.Select(u => new Row(
                    u.UserName ?? "",
                    u.DisplayName,
                    u.UnitName,
                    u.RegionName,
                    rolesByUser.GetValueOrDefault(u.Id) ?? [],
                    u.MustChangePassword,
                    u.LockoutEnd is { } end && end > now,
                    u.RealName,
                    u.Post))
                .ToList();
        }
    }
}
