using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using FluentValidation;

namespace BaZhouTalent.Application.Applications;

/// <summary>封面 and 声明: the fill date, the two exclusive declaration choices and the confirmation.</summary>
public static class SaveCover
{
    public sealed class Command
    {
        public string ProjectCode { get; set; } = "";
        public Guid ConcurrencyStamp { get; set; }
        public DateOnly? FillDate { get; set; }
        public bool? Sensitive { get; set; }
        public bool? Classified { get; set; }
        public bool DeclarationConfirmed { get; set; }

        public static Command From(ClosureApplication a) => new()
        {
            ProjectCode = a.Project.Code,
            ConcurrencyStamp = a.ConcurrencyStamp,
            FillDate = a.FillDate == default ? null : a.FillDate,
            Sensitive = a.Sensitive,
            Classified = a.Classified,
            DeclarationConfirmed = a.DeclarationConfirmed,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = ChinaTime.Today(clock);
            RuleFor(x => x.FillDate).NotNull().WithMessage("请填写填表日期。")
                .Must(d => d is null || (d.Value.Year >= 2000 && d.Value <= today.AddDays(31)))
                .WithMessage("填表日期不在合理范围内，请核对。");
            RuleFor(x => x.Sensitive).NotNull().WithMessage("请选择成果是否涉及敏感问题或其他不宜公开出版的内容。");
            RuleFor(x => x.Classified).NotNull().WithMessage("请选择成果是否涉密。");
            RuleFor(x => x.DeclarationConfirmed).Equal(true).WithMessage("提交前须确认上述声明。");
        }
    }

    public sealed class Handler(IAppDbContext db, TimeProvider clock)
    {
        public Task<SaveOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            DraftStore.SaveAsync(db, clock, command.ProjectCode, command.ConcurrencyStamp, application =>
            {
                // FillDate is not nullable in the model; an emptied field keeps the date the form had.
                if (command.FillDate is { } date) application.FillDate = date;
                application.Sensitive = command.Sensitive;
                application.Classified = command.Classified;
                application.DeclarationConfirmed = command.DeclarationConfirmed;
            }, cancellationToken);
    }
}
