using BaZhouTalent.Application.Domain;
using BaZhouTalent.Typesetting;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Accounts;

/// <summary>
/// 编辑账户资料: the city federation records an existing account's 姓名 and 职务 (what its signatures print)
/// its display name, and the e-mail address notices are sent to. Signatures already given keep the name and post they were signed with.
/// </summary>
public static class EditAccountProfile
{
    public sealed class Command
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? RealName { get; set; }
        public string? Post { get; set; }
        /// <summary>电子邮箱: where the portal's notices are mailed (empty: in-portal notices only).</summary>
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请输入显示名称")
                .MaximumLength(AccountRules.DisplayNameMaxLength).WithMessage($"显示名称不超过 {AccountRules.DisplayNameMaxLength} 个字符");
            AccountRules.RealNameAndPost(this, x => x.RealName, x => x.Post);
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .MaximumLength(200).WithMessage("电子邮箱不超过 200 个字符")
                .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("电子邮箱格式不正确，例如 name@example.com");
        }
    }

    public sealed class Handler(UserManager<AppUser> userManager, Audit.StaffAudit audit, ILogger<Handler> log)
    {
        /// <returns>False when there is no such account.</returns>
        public async Task<bool> HandleAsync(Command command, string? actor)
        {
            var user = await userManager.FindByNameAsync(command.UserName ?? "");
            if (user is null) return false;
            var before = (user.DisplayName, user.RealName, user.Post, user.Email);
            user.DisplayName = command.DisplayName!.Trim();
            user.RealName = PrintableText.Normalize(command.RealName).Trim();
            user.Post = PrintableText.Normalize(command.Post).Trim();
            user.Email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
            // Added before the store's save, so the record and the change are written together.
            audit.Add(Audit.StaffAction.AccountEdited, user.UserName!, Changes(
                ("显示名称", before.DisplayName, user.DisplayName), ("姓名", before.RealName, user.RealName),
                ("职务", before.Post, user.Post), ("电子邮箱", before.Email, user.Email)));
            var result = await userManager.UpdateAsync(user);
            if (!result.Succeeded)
                throw new InvalidOperationException("Updating the account failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            log.LogInformation("Account {UserName} profile edited by {Actor}", user.UserName, actor);
            return true;
        }

        private static string Changes(params (string Field, string? Before, string? After)[] fields)
        {
            var changed = fields.Where(f => (f.Before ?? "") != (f.After ?? ""))
                .Select(f => $"{f.Field}：{Shown(f.Before)} → {Shown(f.After)}").ToList();
            return changed.Count == 0 ? "未修改任何项" : string.Join("；", changed);
        }

        private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;
    }
}
