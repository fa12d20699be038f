using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Units;

/// <summary>
/// 单位更名: the unit keeps its id, so its projects, reviewers and history follow the new name. Names already
/// printed and signed (the “原” side, signatures) keep the name they were signed under.
/// </summary>
public static class RenameUnit
{
    public sealed class Command
    {
        public int Id { get; set; }
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db) => RuleFor(c => c.Name).UnitName(db, c => c.Id);
    }

    /// <returns>False when there is no such unit.</returns>
    public sealed class Handler(IAppDbContext db, StaffAudit audit)
    {
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken);
            if (unit is null) return false;
            var name = command.Name!.Trim();
            if (name == unit.Name) return true;
            audit.Add(StaffAction.UnitRenamed, unit.Name, $"更名为 {name}");
            unit.Name = name;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
