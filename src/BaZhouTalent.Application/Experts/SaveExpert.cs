using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Experts;

/// <summary>
/// 新增 / 修改专家: the pool entry of an expert account. Adding creates the Expert account without a password:
/// it cannot sign in until the federation issues an initial password (用户管理 → 重置密码), which must be changed
/// at first sign-in. Editing an expert account that has no entry yet (e.g. created in 用户管理) creates it.
/// </summary>
public static class SaveExpert
{
    public const int FieldsMaxLength = 500;
    public const int ConflictsMaxLength = 1000;

    // Nullable throughout so MVC adds no implicit (English) Required messages; the validator speaks Chinese.
    public sealed class Command
    {
        /// <summary>Null to add a new expert.</summary>
        public string? UserId { get; set; }
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? WorkUnit { get; set; }
        public string? ProfessionalTitle { get; set; }
        public string? Fields { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? DeclaredConflicts { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<AppUser> userManager)
        {
            When(c => c.UserId is null, () => RuleFor(c => c.UserName).NewUserName(userManager));
            RuleFor(c => c.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请输入姓名")
                .MaximumLength(AccountRules.DisplayNameMaxLength).WithMessage($"姓名不超过 {AccountRules.DisplayNameMaxLength} 个字符");
            RuleFor(c => c.WorkUnit).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请输入工作单位")
                .MaximumLength(100).WithMessage("工作单位不超过 100 个字符");
            RuleFor(c => c.ProfessionalTitle).MaximumLength(50).WithMessage("职称不超过 50 个字符");
            RuleFor(c => c.Fields).Cascade(CascadeMode.Stop)
                .Must(f => ExpertProfile.Split(f).Count > 0).WithMessage("请至少填写一个研究领域，多个领域用“；”分隔")
                .MaximumLength(FieldsMaxLength).WithMessage($"研究领域不超过 {FieldsMaxLength} 个字符");
            RuleFor(c => c.Phone).Cascade(CascadeMode.Stop)
                .MaximumLength(30).WithMessage("联系电话不超过 30 个字符")
                .Matches(@"^[0-9+\- ]*$").WithMessage("联系电话只能包含数字、空格、+ 和 -");
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .MaximumLength(200).WithMessage("电子邮箱不超过 200 个字符")
                .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("电子邮箱格式不正确");
            RuleFor(c => c.DeclaredConflicts).MaximumLength(ConflictsMaxLength).WithMessage($"申报回避不超过 {ConflictsMaxLength} 个字符");
        }
    }

    public sealed record Result(bool Found, IReadOnlyList<IdentityError> Errors, string? UserId = null)
    {
        public bool Succeeded => Found && Errors.Count == 0;
    }

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> userManager, StaffAudit audit, TimeProvider clock)
    {
        /// <summary>The form's values for an existing expert account, or null when it is not one.</summary>
        public async Task<Command?> LoadAsync(string userId, CancellationToken cancellationToken = default)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null || !await userManager.IsInRoleAsync(user, Roles.Expert)) return null;
            var profile = await db.ExpertProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            return new Command
            {
                UserId = user.Id,
                UserName = user.UserName,
                DisplayName = user.DisplayName,
                WorkUnit = profile?.WorkUnit is { Length: > 0 } w ? w : user.Unit?.Name ?? "",
                ProfessionalTitle = profile?.ProfessionalTitle,
                Fields = profile?.Fields,
                Phone = profile?.Phone,
                Email = profile?.Email,
                DeclaredConflicts = profile?.DeclaredConflicts,
            };
        }

        /// <summary>Saves a validated command, recording it in the staff audit trail.</summary>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var workUnit = command.WorkUnit!.Trim();
            // An expert from a registered unit is tied to it by id, so the conflict rule does not depend on spelling:
            // matched after normalisation (平昌县委党校 is 中共平昌县委党校).
            var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
            var unitId = UnitNames.Match(workUnit, units.Select(u => (u.Id, u.Name)));

            AppUser? user;
            ExpertProfile? profile;
            if (command.UserId is null)
            {
                user = new AppUser { UserName = command.UserName!.Trim(), DisplayName = command.DisplayName!.Trim(), UnitId = unitId, MustChangePassword = true };
                var created = await userManager.CreateAsync(user);
                if (!created.Succeeded) return new Result(true, created.Errors.ToList());
                var inRole = await userManager.AddToRoleAsync(user, Roles.Expert);
                if (!inRole.Succeeded)
                {
                    await userManager.DeleteAsync(user);
                    return new Result(true, inRole.Errors.ToList());
                }
                profile = new ExpertProfile { UserId = user.Id };
                db.ExpertProfiles.Add(profile);
            }
            else
            {
                user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
                if (user is null || !await userManager.IsInRoleAsync(user, Roles.Expert)) return new Result(false, []);
                user.DisplayName = command.DisplayName!.Trim();
                user.UnitId = unitId;
                profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
                if (profile is null)
                {
                    profile = new ExpertProfile { UserId = user.Id };
                    db.ExpertProfiles.Add(profile);
                }
            }

            Apply(command, profile, clock.GetUtcNow());
            audit.Add(command.UserId is null ? StaffAction.ExpertAdded : StaffAction.ExpertEdited, $"{user.DisplayName}（{user.UserName}）",
                $"{profile.WorkUnit}；{profile.ProfessionalTitle}；领域 {profile.Fields}；回避 {(profile.DeclaredConflicts.Length > 0 ? profile.DeclaredConflicts : "无")}");
            await db.SaveChangesAsync(cancellationToken);
            return new Result(true, [], user.Id);
        }

        internal static void Apply(Command command, ExpertProfile profile, DateTimeOffset now)
        {
            profile.WorkUnit = command.WorkUnit!.Trim();
            profile.ProfessionalTitle = command.ProfessionalTitle?.Trim() ?? "";
            profile.Fields = ExpertProfile.Join(ExpertProfile.Split(command.Fields));
            profile.Phone = command.Phone?.Trim() ?? "";
            profile.Email = command.Email?.Trim() ?? "";
            profile.DeclaredConflicts = ExpertProfile.Join(ExpertProfile.Split(command.DeclaredConflicts));
            profile.UpdatedAt = now;
        }
    }
}
