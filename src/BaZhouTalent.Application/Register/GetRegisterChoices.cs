using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Register;

/// <summary>What the 登记项目 form offers to choose from: active categories, units, researchers' accounts.</summary>
public static class GetRegisterChoices
{
    public sealed record Query;

    public sealed record Category(int Id, string Code, string Name);

    public sealed record UnitChoice(int Id, string Name, string RegionName);

    public sealed record Account(string UserName, string DisplayName, string? UnitName);

    public sealed record Result(IReadOnlyList<Category> Categories, IReadOnlyList<UnitChoice> Units, IReadOnlyList<Account> Researchers);

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            var categories = await db.ProjectCategories.AsNoTracking()
                .Where(c => c.IsActive).OrderBy(c => c.SortOrder)
                .Select(c => new Category(c.Id, c.Code, c.Name))
                .ToListAsync(cancellationToken);
            var units = await db.Units.AsNoTracking().Where(u => !u.IsDisabled)
                .OrderBy(u => u.Region.SortOrder).ThenBy(u => u.Name)
                .Select(u => new UnitChoice(u.Id, u.Name, u.Region.Name))
                .ToListAsync(cancellationToken);
            var researcherIds = (await users.GetUsersInRoleAsync(Roles.Researcher)).Select(u => u.Id).ToList();
            var researchers = await db.Users.AsNoTracking()
                .Where(u => researcherIds.Contains(u.Id))
                .OrderBy(u => u.UserName)
                .Select(u => new Account(u.UserName!, u.DisplayName, u.Unit == null ? null : u.Unit.Name))
                .ToListAsync(cancellationToken);
            return new Result(categories, units, researchers);
        }
    }
}
