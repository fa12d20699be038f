using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Units;

/// <summary>
/// 调整所属区域: moves a unit between counties or to/from 市本级, which changes the route of its future
/// applications. Refused while any of its applications is in review, since that one would change route mid-way.
/// County reviewers' scope follows at once: it is decided from the unit's region in the database.
/// </summary>
public static class MoveUnit
{
    public sealed class Command
    {
        public int Id { get; set; }
        public int? RegionId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db) => RuleFor(c => c.RegionId).ExistingRegion(db);
    }

    public sealed record Result(bool Found, string? Refusal)
    {
        public bool Succeeded => Found && Refusal is null;
    }

    public sealed class Handler(IAppDbContext db, StaffAudit audit)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var unit = await db.Units.Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken);
            if (unit is null) return new Result(false, null);
            if (unit.RegionId == command.RegionId) return new Result(true, null);

            var inReview = await db.ClosureApplications
                .Where(a => a.Project.UnitId == unit.Id && UnitRules.InReview.Contains(a.Status))
                .OrderBy(a => a.Project.Code)
                .Select(a => a.Project.Code)
                .ToListAsync(cancellationToken);
            if (inReview.Count > 0)
                return new Result(true,
                    $"“{unit.Name}”有 {inReview.Count} 份结项申请正在审核中（{string.Join("、", inReview.Take(5))}{(inReview.Count > 5 ? "等" : "")}），审核完成或退回后才能调整所属区域。");

            var region = await db.Regions.SingleAsync(r => r.Id == command.RegionId, cancellationToken);
            audit.Add(StaffAction.UnitMoved, unit.Name, $"{unit.Region.Name} → {region.Name}");
            unit.RegionId = region.Id;
            await db.SaveChangesAsync(cancellationToken);
            return new Result(true, null);
        }
    }
}
