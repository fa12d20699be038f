using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Units;

/// <summary>What the unit use cases share: the name rule and the statuses that pin a unit to its region.</summary>
public static class UnitRules
{
    public const int NameMaxLength = 100;

    /// <summary>An application in one of these is on its way through the unit's route; moving the unit would reroute it mid-way.</summary>
    public static readonly ApplicationStatus[] InReview =
    [
        ApplicationStatus.UnitReview, ApplicationStatus.CountyReview, ApplicationStatus.FederationIntake,
        ApplicationStatus.ExpertReview, ApplicationStatus.FederationReview,
    ];

    /// <summary>A unit name: required, not too long, not already used by another unit.</summary>
    public static IRuleBuilderOptions<T, string?> UnitName<T>(this IRuleBuilderInitial<T, string?> rule, IAppDbContext db, Func<T, int?> ownId) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请输入单位名称")
            .MaximumLength(NameMaxLength).WithMessage($"单位名称不超过 {NameMaxLength} 个字符")
            .MustAsync(async (command, name, ct) =>
            {
                var trimmed = name!.Trim();
                var id = ownId(command);
                return !await db.Units.AnyAsync(u => u.Name == trimmed && u.Id != id, ct);
            })
            .WithMessage((_, name) => $"单位“{name?.Trim()}”已存在");

    public static IRuleBuilderOptions<T, int?> ExistingRegion<T>(this IRuleBuilderInitial<T, int?> rule, IAppDbContext db) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("请选择所属区域")
            .MustAsync((id, ct) => db.Regions.AnyAsync(r => r.Id == id, ct)).WithMessage("所选区域不存在");
}
