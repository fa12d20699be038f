using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// 项目变更申请: during the research the leader asks to change the leader, the members, the title (结项成果名称), the unit
/// or the output form (with its word count), with a reason; the unit agrees, the federation approves (the request
/// machine of <see cref="ProjectRequestWorkflow"/>). Asked while the closure is not in review; one open at a time.
/// Approved, its values are the closure form's “现” side (<see cref="ApprovedChanges"/>).
/// </summary>
public static class RequestChange
{
    public const int ReasonMaxLength = 1000;

    public sealed class Command
    {
        public List<ProjectChangeItem> Items { get; set; } = [];
        public PersonInput Leader { get; set; } = new();
        public List<ParticipantInput> Members { get; set; } = [];
        public string Title { get; set; } = "";
        public int? UnitId { get; set; }
        public string OutputForm { get; set; } = "";
        public string Reason { get; set; } = "";

        public bool Changes(ProjectChangeItem item) => Items.Contains(item);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Items).NotEmpty().WithMessage("请至少选择一项变更内容。");
            When(c => c.Changes(ProjectChangeItem.Leader), () => RuleFor(c => c.Leader).SetValidator(new PersonInput.Validator(clock)));
            When(c => c.Changes(ProjectChangeItem.Members), () =>
                RuleForEach(c => c.Members).SetValidator((command, row) => new ParticipantInput.Validator(command.Members.IndexOf(row) + 1)));
            When(c => c.Changes(ProjectChangeItem.Title), () =>
                RuleFor(c => c.Title).Required("变更后的项目名称").MaxChars(FieldRules.Title, "变更后的项目名称").Printable("变更后的项目名称"));
            When(c => c.Changes(ProjectChangeItem.Unit), () =>
                RuleFor(c => c.UnitId).NotNull().WithMessage("请选择变更后的所在单位。"));
            When(c => c.Changes(ProjectChangeItem.OutputForm), () =>
                RuleFor(c => c.OutputForm).Required("变更后的成果形式或字数").MaxChars(FieldRules.ShortText, "变更后的成果形式或字数").Printable("变更后的成果形式或字数"));
            RuleFor(c => c.Reason).Required("变更理由").MaxChars(ReasonMaxLength, "变更理由").Printable("变更理由", multiLine: true);
        }
    }

    public enum Outcome { Requested, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    /// <summary>What the project has now, on the side a change alters: the application's “现” side, else the register with approved changes.</summary>
    public sealed record Current(PersonDetails Leader, IReadOnlyList<Participant> Members, string Title, int UnitId, string UnitName, string OutputForm);

    public const string OpenRequestMessage = "该项目已有一项变更申请正在办理，办结后才能再次申请。";

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, ProjectNotices notices)
    {
        /// <summary>The leader's project with its application and requests, or null when it is not theirs (404).</summary>
        public Task<FundedProject?> LoadAsync(string code, CancellationToken cancellationToken) =>
            currentUser.UserId is not { } userId || !currentUser.IsInRole(Security.Roles.Researcher)
                ? Task.FromResult<FundedProject?>(null)
                : db.FundedProjects.Include(p => p.Application).Include(p => p.Requests).Include(p => p.Unit)
                    .AsSplitQuery()
                    .FirstOrDefaultAsync(p => p.Code == code && p.LeaderUserId == userId, cancellationToken);

        /// <summary>Why the leader may not ask now (before anything is typed), or null.</summary>
        public static string? RefusalBeforeAsking(FundedProject project)
        {
            if (ProjectLifecycle.RefusalFor(project) is { } terminated) return terminated;
            if (project.Lifecycle == ProjectLifecycleStatus.Concluded) return "该项目已结项，不能再申请变更。";
            if (project.Application is { } a && !a.Status.IsWithResearcher())
                return $"结项申请已提交（{a.Status.ToChinese()}），审核期间不能申请项目变更；如确需变更，请联系所在单位退回申请后再申请。";
            if (project.Requests.Any(r => r.Kind == ProjectRequestKind.Change && r.IsOpen))
                return OpenRequestMessage;
            return null;
        }

        public static Current CurrentOf(FundedProject project)
        {
            var application = project.Application ?? WithApproved(project);
            return new Current(application.CurrentLeader, application.CurrentParticipants.OrderBy(p => p.SortOrder).ToList(),
                application.ResultTitle, project.UnitId, project.Unit.Name, application.CurrentOutputForm);
        }

        private static ClosureApplication WithApproved(FundedProject project)
        {
            var draft = ClosureApplication.StartFor(project, DateTimeOffset.UnixEpoch);
            ApprovedChanges.ApplyAll(draft, project);
            return draft;
        }

        /// <summary>The form's values to start from: what the project has now.</summary>
        public static Command Prefill(FundedProject project)
        {
            var current = CurrentOf(project);
            return new Command
            {
                Leader = PersonInput.From(current.Leader),
                Members = current.Members.Select(ParticipantInput.From).ToList(),
                Title = current.Title,
                UnitId = current.UnitId,
                OutputForm = current.OutputForm,
            };
        }

        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            var project = await LoadAsync(code, cancellationToken);
            if (project is null) return new Result(Outcome.NotFound);
            if (RefusalBeforeAsking(project) is { } refusal) return new Result(Outcome.Refused, refusal);

            var current = CurrentOf(project);
            var change = new ProjectChange { Items = command.Items.Distinct().Order().ToList() };
            var same = new List<string>();
            if (change.Changes(ProjectChangeItem.Leader))
            {
                change.Leader = new PersonDetails();
                command.Leader.ApplyTo(change.Leader);
                if (ChangeRecord.SameText(change.Leader.Name, current.Leader.Name)) same.Add("项目负责人（姓名与现负责人相同；负责人信息的更新请在结项申请中填写）");
            }
            if (change.Changes(ProjectChangeItem.Members))
            {
                change.Members = command.Members.Where(m => !m.IsBlank).Select((m, i) => m.ToParticipant(i + 1)).ToList();
                if (change.Members.Select(m => m.Name).SequenceEqual(current.Members.Select(m => m.Name))) same.Add("参与人员");
            }
            if (change.Changes(ProjectChangeItem.Title))
            {
                change.Title = FieldRules.Clip(command.Title, FieldRules.Title);
                if (ChangeRecord.SameText(change.Title, current.Title)) same.Add("项目名称");
            }
            if (change.Changes(ProjectChangeItem.Unit))
            {
                var unit = await db.Units.AsNoTracking().Where(u => u.Id == command.UnitId && !u.IsDisabled)
                    .Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(cancellationToken);
                if (unit is null) return new Result(Outcome.Refused, "所选单位不存在或已停用，请重新选择。");
                (change.UnitId, change.UnitName) = (unit.Id, unit.Name);
                if (unit.Id == current.UnitId) same.Add("所在单位");
            }
            if (change.Changes(ProjectChangeItem.OutputForm))
            {
                change.OutputForm = FieldRules.Clip(command.OutputForm, FieldRules.ShortText);
                if (ChangeRecord.SameText(change.OutputForm, current.OutputForm)) same.Add("成果形式或字数");
            }
            if (same.Count > 0)
                return new Result(Outcome.Refused, $"以下变更内容与现有内容相同，无需申请：{string.Join("、", same)}。");

            var request = new ProjectRequest
            {
                ProjectId = project.Id,
                Kind = ProjectRequestKind.Change,
                RequestedByUserId = currentUser.UserId!,
                RequestedByName = await Accounts.SignatureName.OfAsync(db, currentUser, cancellationToken),
                RequestedAt = clock.GetUtcNow(),
                Reason = PrintableText(command.Reason),
                ChangeContent = change.ToJson(),
            };
            db.ProjectRequests.Add(request);
            await notices.RequestMovedAsync(project, request, cancellationToken);
            // The unique index on open requests of a kind refuses a second one saved at the same moment.
            if (!await db.SaveUnlessTakenAsync(cancellationToken))
                return new Result(Outcome.Refused, OpenRequestMessage);
            return new Result(Outcome.Requested);
        }

        private static string PrintableText(string text) => BaZhouTalent.Typesetting.PrintableText.Normalize(text).Trim();
    }

    /// <summary>
    /// Checked again when the federation approves: the closure must still be with the researcher (an approved change
    /// alters the form's “现” side, which signatures must not see move), and a new unit must still exist.
    /// </summary>
    public static string? ApprovalRefusal(FundedProject project)
    {
        if (project.Application is { } a && !a.Status.IsWithResearcher())
            return $"结项申请已提交（{a.Status.ToChinese()}），审核期间不能批准项目变更；请待申请退回或办结后再处理。";
        return null;
    }
}
