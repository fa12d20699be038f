using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// 调整角色与单位: the city federation moves an account to another role, unit or county (a reviewer changing post, a
/// researcher moving unit). The account's open sessions take the new role and scope at their next request; a role
/// that requires a second factor ends a session that did not pass one. Nobody changes their own role.
/// </summary>
public static class ChangeAccountRole
{
    public sealed class Command
    {
        public string? UserName { get; set; }
        public string? Role { get; set; }
        public int? UnitId { get; set; }
        public int? RegionId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            AccountRules.RoleAndScope(this, db, x => x.Role, x => x.UnitId, x => x.RegionId);
        }
    }

    public enum Outcome { Done, NotFound, OwnAccount }

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> userManager, ICurrentUser currentUser, StaffAudit audit, ILogger<Handler> log)
    {
        /// <summary>The form's starting values: the account's role and scope now.</summary>
        public async Task<Command?> CurrentAsync(string userName)
        {
            var user = await userManager.FindByNameAsync(userName);
            if (user is null) return null;
            var roles = await userManager.GetRolesAsync(user);
            return new Command { UserName = user.UserName, Role = roles.FirstOrDefault(), UnitId = user.UnitId, RegionId = user.RegionId };
        }

        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var user = await userManager.FindByNameAsync(command.UserName ?? "");
            if (user is null) return Outcome.NotFound;
            if (user.Id == currentUser.UserId) return Outcome.OwnAccount;

            var roles = await userManager.GetRolesAsync(user);
            if (roles.Count != 1 || roles[0] != command.Role)
            {
                Check(await userManager.RemoveFromRolesAsync(user, roles));
                Check(await userManager.AddToRoleAsync(user, command.Role!));
                audit.Add(StaffAction.AccountRoleChanged, user.UserName!,
                    $"{(roles.Count == 0 ? "无" : string.Join("、", roles.Select(Roles.ToChinese)))} → {Roles.ToChinese(command.Role!)}");
            }

            // Only the scope the role uses is kept, as at creation.
            var unitId = AccountRules.NeedsUnit(command.Role) ? command.UnitId : null;
            var regionId = AccountRules.NeedsRegion(command.Role) ? command.RegionId : null;
            if (unitId != user.UnitId || regionId != user.RegionId)
            {
                var before = await ScopeNameAsync(user.UnitId, user.RegionId, cancellationToken);
                user.UnitId = unitId;
                user.RegionId = regionId;
                Check(await userManager.UpdateAsync(user));
                audit.Add(StaffAction.AccountScopeChanged, user.UserName!, $"{before} → {await ScopeNameAsync(unitId, regionId, cancellationToken)}");
            }
            await db.SaveChangesAsync(cancellationToken);
            log.LogInformation("Role and scope of {UserName} set to {Role} {UnitId} {RegionId} by {Actor}",
                user.UserName, command.Role, unitId, regionId, currentUser.UserName);
            return Outcome.Done;
        }

        private async Task<string> ScopeNameAsync(int? unitId, int? regionId, CancellationToken cancellationToken) =>
            unitId is { } unit ? await db.Units.Where(u => u.Id == unit).Select(u => u.Name).SingleAsync(cancellationToken)
            : regionId is { } region ? await db.Regions.Where(r => r.Id == region).Select(r => r.Name).SingleAsync(cancellationToken)
            : "无";

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
                throw new InvalidOperationException("Changing the account failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
