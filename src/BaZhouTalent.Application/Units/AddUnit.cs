using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Units;

/// <summary>新增单位: a unit under a county/district or 市本级, which decides its applications' route.</summary>
public static class AddUnit
{
    public sealed class Command
    {
        public string? Name { get; set; }
        public int? RegionId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db)
        {
            RuleFor(c => c.Name).UnitName(db, _ => null);
            RuleFor(c => c.RegionId).ExistingRegion(db);
        }
    }

    public sealed class Handler(IAppDbContext db, StaffAudit audit)
    {
        public async Task<int> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var region = await db.Regions.SingleAsync(r => r.Id == command.RegionId, cancellationToken);
            var unit = new Unit { Name = command.Name!.Trim(), RegionId = region.Id };
            db.Units.Add(unit);
            audit.Add(StaffAction.UnitAdded, unit.Name, $"所属区域 {region.Name}");
            await db.SaveChangesAsync(cancellationToken);
            return unit.Id;
        }
    }
}
