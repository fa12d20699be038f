using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Typesetting;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// 新建账户: the city federation creates an account with one role and its scope (a unit, or a county for
/// the county federation). The account must choose its own password at first sign-in.
/// </summary>
public static class CreateAccount
{
    // Nullable throughout so MVC adds no implicit (English) Required messages; the validator speaks Chinese.
    public sealed class Command
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        /// <summary>姓名: the person's real name, printed on the signature lines.</summary>
        public string? RealName { get; set; }
        /// <summary>职务 (staff), printed before the name when they sign.</summary>
        public string? Post { get; set; }
        public string? Role { get; set; }
        public int? UnitId { get; set; }
        public int? RegionId { get; set; }
        public string? InitialPassword { get; set; }
    }

    public sealed record Choice(int Id, string Name, string? Group);

    /// <summary>What the form offers: every unit (grouped by region) and the counties, not 市本级.</summary>
    public sealed record Choices(IReadOnlyList<Choice> Units, IReadOnlyList<Choice> Counties);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, UserManager<AppUser> userManager)
        {
            RuleFor(x => x.UserName).NewUserName(userManager);
            RuleFor(x => x.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请输入显示名称")
                .MaximumLength(AccountRules.DisplayNameMaxLength).WithMessage($"显示名称不超过 {AccountRules.DisplayNameMaxLength} 个字符");
            AccountRules.RealNameAndPost(this, x => x.RealName, x => x.Post);
            AccountRules.RoleAndScope(this, db, x => x.Role, x => x.UnitId, x => x.RegionId);
            RuleFor(x => x.InitialPassword).InitialPassword();
        }
    }

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> userManager, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<Choices> GetChoicesAsync(CancellationToken cancellationToken = default)
        {
            var units = await db.Units.Where(u => !u.IsDisabled)
                .OrderBy(u => u.Region.SortOrder).ThenBy(u => u.Name)
                .Select(u => new Choice(u.Id, u.Name, u.Region.Name))
                .ToListAsync(cancellationToken);
            var counties = await db.Regions
                .Where(r => r.Kind == RegionKind.County)
                .OrderBy(r => r.SortOrder)
                .Select(r => new Choice(r.Id, r.Name, null))
                .ToListAsync(cancellationToken);
            return new Choices(units, counties);
        }

        /// <summary>Creates the account from a validated command; Identity's own refusals come back as field errors.</summary>
        public async Task<ValidationResult> HandleAsync(Command command, string? actor, CancellationToken cancellationToken = default)
        {
            var user = new AppUser
            {
                UserName = command.UserName!.Trim(),
                DisplayName = command.DisplayName!.Trim(),
                RealName = PrintableText.Normalize(command.RealName).Trim(),
                Post = PrintableText.Normalize(command.Post).Trim(),
                // Only the scope the role uses is kept: a unit chosen before switching role must not linger.
                UnitId = AccountRules.NeedsUnit(command.Role) ? command.UnitId : null,
                RegionId = AccountRules.NeedsRegion(command.Role) ? command.RegionId : null,
                MustChangePassword = true,
            };

            IdentityResult created;
            try
            {
                created = await userManager.CreateAsync(user, command.InitialPassword!);
            }
            catch (DuplicateRowException)
            {
                // The same user name created by someone else between the form's check and this save.
                created = IdentityResult.Failed(userManager.ErrorDescriber.DuplicateUserName(user.UserName));
            }
            if (!created.Succeeded)
                return Failures(created);

            var inRole = await userManager.AddToRoleAsync(user, command.Role!);
            if (!inRole.Succeeded)
            {
                // No account without a role: it could sign in and see nothing, and would block the user name.
                await userManager.DeleteAsync(user);
                return Failures(inRole);
            }

            await audit.RecordAsync(StaffAction.AccountCreated, user.UserName!, $"{user.DisplayName}，{Roles.ToChinese(command.Role!)}", cancellationToken);
            log.LogInformation("Account {UserName} created with role {Role} by {Actor}", user.UserName, command.Role, actor);
            return new ValidationResult();
        }

        private static ValidationResult Failures(IdentityResult result) =>
            new(result.Errors.Select(e =>
            {
                var (field, message) = AccountRules.Describe(e, nameof(Command.InitialPassword), nameof(Command.UserName));
                return new ValidationFailure(field, message);
            }));
    }
}
