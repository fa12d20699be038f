using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Register;

/// <summary>登记项目: the city federation enters one funded project, the “原” side of its change table.</summary>
public static class RegisterProject
{
    public class Command
    {
        public string Code { get; set; } = "";
        public int? CategoryId { get; set; }
        public string Title { get; set; } = "";
        public int? UnitId { get; set; }
        public string PlannedOutputForm { get; set; } = "";
        public DateOnly? PlannedCompletion { get; set; }
        public PersonInput Leader { get; set; } = new();
        public List<ParticipantInput> Participants { get; set; } = [];
        /// <summary>项目负责人账户: the user name of a Researcher account; blank when the leader has none yet.</summary>
        public string LeaderUserName { get; set; } = "";
        /// <summary>资助经费 in yuan; blank when not recorded.</summary>
        public int? FundingYuan { get; set; }
    }

    /// <remarks>
    /// The person rules are the researcher's own (<see cref="PersonInput.Validator"/>,
    /// <see cref="ParticipantInput.Validator"/>): the register's “原” side must pass the checks its “现” copy will face.
    /// </remarks>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, UserManager<AppUser> users, TimeProvider clock)
        {
            RuleFor(x => x.Code)
                .MustAsync(async (c, ct) =>
                {
                    if (ProjectCode.Parse(c) is null) return true;
                    var code = ProjectCode.Normalize(c);
                    return !await db.FundedProjects.AnyAsync(p => p.Code == code, ct);
                })
                .WithMessage(x => $"立项编号 {ProjectCode.Normalize(x.Code)} 已登记，不能重复登记。");
            Include(new FieldsValidator<Command>(db, users, clock));
        }
    }

    public const int MaxFundingYuan = 100_000_000;

    /// <summary>
    /// Every field of a register entry; registering adds that the code is new (<see cref="Validator"/>), correcting
    /// (<see cref="CorrectProject"/>) the reason. Generic so that the assembly scan does not register it on its own.
    /// </summary>
    public sealed class FieldsValidator<T> : AbstractValidator<T> where T : Command
    {
        public FieldsValidator(IAppDbContext db, UserManager<AppUser> users, TimeProvider clock)
        {
            RuleFor(x => x.Code).Required("立项编号")
                .Must(c => string.IsNullOrWhiteSpace(c) || ProjectCode.Parse(c) is not null).WithMessage(ProjectCode.FormatMessage);
            RuleFor(x => x.FundingYuan).InclusiveBetween(0, MaxFundingYuan)
                .WithMessage($"资助经费请填写 0 至 {MaxFundingYuan} 之间的整数（单位：元）。");

            RuleFor(x => x.CategoryId).NotNull().WithMessage("请选择项目类别。")
                .CustomAsync(async (id, context, ct) =>
                {
                    if (id is null) return;
                    var category = await db.ProjectCategories.AsNoTracking()
                        .Where(c => c.Id == id && c.IsActive).Select(c => new { c.Code, c.Name }).FirstOrDefaultAsync(ct);
                    if (category is null)
                    {
                        context.AddFailure("所选项目类别不存在或已停用，请重新选择。");
                        return;
                    }
                    if (ProjectCode.Parse(context.InstanceToValidate.Code) is { } parts && parts.CategoryCode != category.Code)
                        context.AddFailure(nameof(Command.Code),
                            $"立项编号中的类别代码“{parts.CategoryCode}”与所选项目类别“{category.Name}”（{category.Code}）不一致。");
                });

            RuleFor(x => x.Title).Required("项目名称").MaxChars(FieldRules.Title, "项目名称").Printable("项目名称");
            RuleFor(x => x.UnitId).NotNull().WithMessage("请选择所在单位。")
                .MustAsync(async (id, ct) => id is null || await db.Units.AnyAsync(u => u.Id == id && !u.IsDisabled, ct))
                .WithMessage("所选单位不存在，请重新选择。");
            RuleFor(x => x.PlannedOutputForm).Required("原计划成果形式").MaxChars(FieldRules.ShortText, "原计划成果形式").Printable("原计划成果形式");
            RuleFor(x => x.PlannedCompletion).NotNull().WithMessage("请填写原计划完成时间。")
                .Must((x, d) => d is null || ProjectCode.Parse(x.Code) is not { } parts || d.Value.Year >= parts.Year)
                .WithMessage("原计划完成时间不能早于立项年度。")
                .Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("原计划完成时间不在合理范围内，请核对。");
            RuleFor(x => x.Leader).SetValidator(new PersonInput.Validator(clock));
            RuleForEach(x => x.Participants).SetValidator(new ParticipantInput.Validator());
            RuleFor(x => x.LeaderUserName)
                .MustAsync(async (name, ct) =>
                {
                    if (string.IsNullOrWhiteSpace(name)) return true;
                    var user = await users.FindByNameAsync(name.Trim());
                    return user is not null && await users.IsInRoleAsync(user, Roles.Researcher);
                })
                .WithMessage(x => $"项目负责人账户“{x.LeaderUserName.Trim()}”不存在或不是项目负责人角色。");
        }
    }

    /// <summary>The register entry a valid command describes; the caller adds it and saves.</summary>
    public static async Task<FundedProject> ToProjectAsync(Command command, UserManager<AppUser> users)
    {
        var code = ProjectCode.Normalize(command.Code);
        var parts = ProjectCode.Parse(code) ?? throw new ArgumentException($"Invalid project code {code}", nameof(command));
        var leaderUserId = string.IsNullOrWhiteSpace(command.LeaderUserName)
            ? null
            : (await users.FindByNameAsync(command.LeaderUserName.Trim()))?.Id;
        var project = new FundedProject
        {
            Code = code,
            Title = FieldRules.Clip(command.Title, FieldRules.Title),
            Year = parts.Year,
            CategoryId = command.CategoryId ?? throw new ArgumentException("No category", nameof(command)),
            UnitId = command.UnitId ?? throw new ArgumentException("No unit", nameof(command)),
            PlannedOutputForm = FieldRules.Clip(command.PlannedOutputForm, FieldRules.ShortText),
            PlannedCompletion = command.PlannedCompletion ?? throw new ArgumentException("No completion date", nameof(command)),
            LeaderUserId = leaderUserId,
            FundingYuan = command.FundingYuan,
            OriginalParticipants = command.Participants.Where(p => !p.IsBlank).Select((p, i) => p.ToParticipant(i + 1)).ToList(),
        };
        command.Leader.ApplyTo(project.OriginalLeader);
        return project;
    }

    public const string RegisteredMeanwhileMessage = "该立项编号刚刚已由他人登记，本次未保存。";

    /// <summary>
    /// Saves a command the <see cref="Validator"/> accepted, with its staff audit entry; returns the normalised
    /// 立项编号, or null when the same code was registered by someone else between the check and the save.
    /// </summary>
    public sealed class Handler(IAppDbContext db, UserManager<AppUser> users, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<string?> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            var project = await ToProjectAsync(command, users);
            db.FundedProjects.Add(project);
            audit.Add(StaffAction.ProjectRegistered, project.Code, project.Title);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateRowException)
            {
                return null;
            }
            log.LogInformation("Registered project {Code} (leader account linked: {Linked})", project.Code, project.LeaderUserId is not null);
            return project.Code;
        }
    }
}
