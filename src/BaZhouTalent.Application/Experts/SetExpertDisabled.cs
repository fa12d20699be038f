using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Experts;

/// <summary>
/// 停用 / 启用专家: a disabled expert is no longer suggested or assignable. The account itself stays open, so an
/// expert can still finish the appraisals already assigned to them.
/// </summary>
public static class SetExpertDisabled
{
    public sealed record Command(string UserId, bool Disabled);

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> userManager, StaffAudit audit, TimeProvider clock)
    {
        /// <returns>False when the account is not an expert's.</returns>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
            if (user is null || !await userManager.IsInRoleAsync(user, Roles.Expert)) return false;
            var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
            if (profile is null)
            {
                profile = new ExpertProfile { UserId = user.Id };
                db.ExpertProfiles.Add(profile);
            }
            if (profile.IsDisabled == command.Disabled) return true;
            profile.IsDisabled = command.Disabled;
            profile.UpdatedAt = clock.GetUtcNow();
            audit.Add(command.Disabled ? StaffAction.ExpertDisabled : StaffAction.ExpertEnabled, $"{user.DisplayName}（{user.UserName}）");
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
