using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using FluentValidation;

namespace BaZhouTalent.Application.Applications;

/// <summary>一、项目变更情况数据表: the “现” side (the “原” side is the register's and never posted).</summary>
public static class SaveChangeTable
{
    public sealed class Command
    {
        public string ProjectCode { get; set; } = "";
        public Guid ConcurrencyStamp { get; set; }
        public string ResultTitle { get; set; } = "";
        public string CurrentOutputForm { get; set; } = "";
        public DateOnly? ActualCompletion { get; set; }
        public PersonInput Leader { get; set; } = new();
        public List<ParticipantInput> Participants { get; set; } = [];

        public static Command From(ClosureApplication a) => new()
        {
            ProjectCode = a.Project.Code,
            ConcurrencyStamp = a.ConcurrencyStamp,
            ResultTitle = a.ResultTitle,
            CurrentOutputForm = a.CurrentOutputForm,
            ActualCompletion = a.ActualCompletion,
            Leader = PersonInput.From(a.CurrentLeader),
            Participants = a.CurrentParticipants.OrderBy(p => p.SortOrder).Select(ParticipantInput.From).ToList(),
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = ChinaTime.Today(clock);
            RuleFor(x => x.ResultTitle).Required("结项成果名称").MaxChars(FieldRules.Title, "结项成果名称").Printable("结项成果名称");
            RuleFor(x => x.CurrentOutputForm).Required("现成果形式").MaxChars(FieldRules.ShortText, "现成果形式").Printable("现成果形式");
            RuleFor(x => x.ActualCompletion).NotNull().WithMessage("请填写实际完成时间。")
                .Must(d => d is null || d.Value <= today).WithMessage("实际完成时间不能晚于今天。")
                .Must(d => d is null || d.Value.Year >= 2000).WithMessage("实际完成时间不在合理范围内，请核对。");
            RuleFor(x => x.Leader).SetValidator(new PersonInput.Validator(clock));
            RuleForEach(x => x.Participants).SetValidator((command, row) => new ParticipantInput.Validator(command.Participants.IndexOf(row) + 1));
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        public Task<SaveOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            DraftStore.SaveAsync(db, clock, command.ProjectCode, command.ConcurrencyStamp, application =>
            {
                application.ResultTitle = FieldRules.Clip(command.ResultTitle, FieldRules.Title);
                application.CurrentOutputForm = FieldRules.Clip(command.CurrentOutputForm, FieldRules.ShortText);
                application.ActualCompletion = command.ActualCompletion;
                command.Leader.ApplyTo(application.CurrentLeader);
                var rows = command.Participants.Where(p => !p.IsBlank).Select((p, i) => p.ToParticipant(i + 1)).ToList();
                application.CurrentParticipants.Clear();
                application.CurrentParticipants.AddRange(rows);
            }, cancellationToken);
    }
}
