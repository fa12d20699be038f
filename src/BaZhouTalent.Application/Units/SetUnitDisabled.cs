using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Units;

/// <summary>
/// 停用 / 启用单位: a disabled unit is no longer offered when registering projects or creating accounts;
/// its projects, accounts and applications in progress are untouched.
/// </summary>
public static class SetUnitDisabled
{
    public sealed record Command(int Id, bool Disabled);

    public sealed class Handler(IAppDbContext db, StaffAudit audit)
    {
        /// <returns>False when there is no such unit.</returns>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken);
            if (unit is null) return false;
            if (unit.IsDisabled == command.Disabled) return true;
            unit.IsDisabled = command.Disabled;
            audit.Add(command.Disabled ? StaffAction.UnitDisabled : StaffAction.UnitEnabled, unit.Name);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
