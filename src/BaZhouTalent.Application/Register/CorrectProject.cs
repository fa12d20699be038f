using System.Globalization;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Register;

/// <summary>
/// 更正登记: the city federation corrects a registered project (title, category, unit, output form, dates, funding, the
/// original leader and members, the leader's account) with a reason. The 立项编号 is the entry's identity and is not
/// corrected. The register is the “原” side the researcher's form prints, so a correction is refused once a closure
/// application has left the researcher (in review, concluded or not concluded): signatures must not see what they signed
/// move. While the application is with the researcher the correction is saved, kept on the project with what changed
/// (its 项目情况 page lists it) and written to the staff audit.
/// </summary>
public static class CorrectProject
{
    public const int ReasonMaxLength = 500;

    public sealed class Command : RegisterProject.Command
    {
        public string Reason { get; set; } = "";
        /// <summary>The register's stamp when the page was read: a correction made meanwhile refuses this one.</summary>
        public Guid Stamp { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IAppDbContext db, UserManager<AppUser> users, TimeProvider clock)
        {
            Include(new RegisterProject.FieldsValidator<Command>(db, users, clock));
            RuleFor(x => x.Reason).Required("更正理由").MaxChars(ReasonMaxLength, "更正理由").Printable("更正理由", multiLine: true);
        }
    }

    public enum Outcome { Corrected, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public const string ConflictMessage = "该项目登记刚刚已被他人更正，本次未保存；请核对最新内容后重新更正。";
    public const string NothingChangedMessage = "未作任何更正：所填内容与现登记一致。";

    /// <summary>Why the entry cannot be corrected now, or null.</summary>
    public static string? Refusal(FundedProject project) => project.Application is { } a && !a.Status.IsWithResearcher()
        ? $"该项目的结项申请{(a.Status.IsInReview() ? "正在审核中" : "已办结")}（{a.Status.ToChinese()}），登记内容已印入签署的申请书，不能更正；如确有错误，请在申请退回后更正。"
        : null;

    /// <summary>The form's values: the entry as registered.</summary>
    public static Command Prefill(FundedProject project, string? leaderUserName) => new()
    {
        Code = project.Code,
        CategoryId = project.CategoryId,
        Title = project.Title,
        UnitId = project.UnitId,
        PlannedOutputForm = project.PlannedOutputForm,
        PlannedCompletion = project.PlannedCompletion,
        FundingYuan = project.FundingYuan,
        Leader = PersonInput.From(project.OriginalLeader),
        Participants = project.OriginalParticipants.OrderBy(p => p.SortOrder).Select(ParticipantInput.From).ToList(),
        LeaderUserName = leaderUserName ?? "",
        Stamp = project.RegisterStamp,
    };

    public sealed class Handler(IAppDbContext db, UserManager<AppUser> users, ICurrentUser currentUser, TimeProvider clock, StaffAudit audit,
        ILogger<Handler> log)
    {
        /// <summary>The entry with what a correction reads and writes, and its leader's account name; null when there is none.</summary>
        public async Task<(FundedProject Project, string? LeaderUserName)?> LoadAsync(string code, CancellationToken cancellationToken)
        {
            var project = await db.FundedProjects
                .Include(p => p.Application).Include(p => p.Category).Include(p => p.Unit)
                .AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
            if (project is null) return null;
            var account = project.LeaderUserId is { } id
                ? await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken)
                : null;
            return (project, account);
        }

        /// <summary>Saves a command the <see cref="Validator"/> accepted.</summary>
        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            if (await LoadAsync(code, cancellationToken) is not var (project, accountBefore)) return new Result(Outcome.NotFound);
            if (Refusal(project) is { } refusal) return new Result(Outcome.Refused, refusal);
            if (command.Stamp != project.RegisterStamp) return new Result(Outcome.Refused, ConflictMessage);

            // The corrected entry as registering would make it; the code stays the entry's.
            command.Code = project.Code;
            var corrected = await RegisterProject.ToProjectAsync(command, users);
            var unit = await db.Units.FirstAsync(u => u.Id == corrected.UnitId, cancellationToken);
            var category = await db.ProjectCategories.FirstAsync(c => c.Id == corrected.CategoryId, cancellationToken);
            var accountAfter = string.IsNullOrWhiteSpace(command.LeaderUserName) ? null : command.LeaderUserName.Trim();

            var lines = new List<string>();
            void Field(string label, string before, string after)
            {
                if (before.Trim() != after.Trim()) lines.Add($"{label}：由“{Shown(before)}”改为“{Shown(after)}”");
            }
            Field("项目名称", project.Title, corrected.Title);
            Field("项目类别", project.Category.Name, category.Name);
            Field("所在单位", project.Unit.Name, unit.Name);
            Field("原计划成果形式", project.PlannedOutputForm, corrected.PlannedOutputForm);
            Field("原计划完成时间", ChangeRecord.FormatDate(project.PlannedCompletion), ChangeRecord.FormatDate(corrected.PlannedCompletion));
            Field("资助经费（元）", Yuan(project.FundingYuan), Yuan(corrected.FundingYuan));
            foreach (var (label, before, after) in LeaderFields(project.OriginalLeader).Zip(LeaderFields(corrected.OriginalLeader),
                         (b, a) => (b.Label, b.Value, a.Value)))
                Field("原负责人" + label, before, after);
            var membersChanged = Members(project.OriginalParticipants) != Members(corrected.OriginalParticipants);
            Field("原参与人员", Members(project.OriginalParticipants), Members(corrected.OriginalParticipants));
            Field("项目负责人账户", accountBefore ?? "", accountAfter ?? "");
            if (lines.Count == 0) return new Result(Outcome.Refused, NothingChangedMessage);

            var now = clock.GetUtcNow();
            project.Title = corrected.Title;
            project.CategoryId = corrected.CategoryId;
            project.UnitId = unit.Id;
            project.Unit = unit;
            project.PlannedOutputForm = corrected.PlannedOutputForm;
            project.PlannedCompletion = corrected.PlannedCompletion;
            project.FundingYuan = corrected.FundingYuan;
            command.Leader.ApplyTo(project.OriginalLeader);
            if (membersChanged)
            {
                project.OriginalParticipants.Clear();
                project.OriginalParticipants.AddRange(corrected.OriginalParticipants);
            }
            project.LeaderUserId = corrected.LeaderUserId;
            project.RegisterStamp = Guid.NewGuid();
            if (project.Application is { } application)
            {
                // The queues' copy of the title follows; the new stamp makes a submit racing this correction fail and reload.
                application.RenameProject(project.Title);
                application.UpdatedAt = now;
                application.ConcurrencyStamp = Guid.NewGuid();
            }
            var reason = BaZhouTalent.Typesetting.PrintableText.Normalize(command.Reason).Trim();
            project.Corrections.Add(new ProjectCorrection
            {
                At = now,
                ByUserId = currentUser.UserId ?? "",
                ByName = await Accounts.SignatureName.OfAsync(db, currentUser, cancellationToken),
                Reason = reason,
                Changes = string.Join('\n', lines),
            });
            audit.Add(StaffAction.RegisterCorrected, $"{project.Code} {project.Title}", $"{string.Join("；", lines)}；理由：{reason}");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.Refused, ConflictMessage);
            }
            log.LogInformation("Corrected the register entry of {Code}: {Count} field(s)", project.Code, lines.Count);
            return new Result(Outcome.Corrected);
        }

        private static string Shown(string value) => value.Trim().Length == 0 ? "（空）" : value.Trim();

        private static string Yuan(int? yuan) => yuan?.ToString(CultureInfo.InvariantCulture) ?? "";

        private static string Members(IEnumerable<Participant> members) =>
            string.Join("；", members.OrderBy(p => p.SortOrder).Select(p => $"{p.Name}/{p.Unit}/{p.Title}/{p.Phone}"));

        private static (string Label, string Value)[] LeaderFields(PersonDetails p) =>
        [
            ("姓名", p.Name), ("性别", p.Gender), ("民族", p.Ethnicity), ("出生年月", ChangeRecord.FormatYearMonth(p.BirthYear, p.BirthMonth)),
            ("所在单位", p.Unit), ("行政职务", p.AdministrativePost), ("专业职务", p.ProfessionalTitle), ("通讯地址", p.Address),
            ("联系电话", p.Phone),
        ];
    }
}
