using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Accounts;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Announcements;

/// <summary>
/// 处理异议: the city federation decides a standing objection — 成立 (the certificate is withheld for good, the outcome
/// shown wherever the certificate would be) or 不成立 (the certificate issues once the period has ended and no other
/// objection stands) — with its reason. Decided once: a second decision, simultaneous or later, is refused.
/// </summary>
public static class DecideObjection
{
    public const int ReasonMaxLength = 1000;

    public sealed class Command
    {
        public int ObjectionId { get; set; }
        /// <summary>true = 成立, false = 不成立.</summary>
        public bool? Upheld { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Upheld).NotNull().WithMessage("请选择异议成立或不成立。");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写核查结论的理由。")
                .MaximumLength(ReasonMaxLength).WithMessage($"理由不超过 {ReasonMaxLength} 个字符。");
        }
    }

    public const string AlreadyDecidedMessage = "该异议已经处理，您的处理未保存。页面已刷新为最新状态。";

    public enum Outcome { Decided, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            var objection = await (
                from x in db.AnnouncementObjections
                join n in db.ClosureAnnouncements on x.AnnouncementId equals n.Id
                join a in db.ClosureApplications on n.ApplicationId equals a.Id
                where x.Id == command.ObjectionId && a.Project.Code == code
                select new { Objection = x, a.Project.Code, a.Project.Title }).SingleOrDefaultAsync(cancellationToken);
            if (objection is null) return new Result(Outcome.NotFound);
            if (objection.Objection.Outcome is not null) return new Result(Outcome.Refused, AlreadyDecidedMessage);

            var o = objection.Objection;
            o.Outcome = command.Upheld == true ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed;
            o.OutcomeReason = TypedText.Clean(command.Reason).Trim();
            o.DecidedAt = clock.GetUtcNow();
            o.DecidedByName = await SignatureName.OfAsync(db, user, cancellationToken);
            audit.Add(StaffAction.ObjectionDecided, $"{objection.Code} {objection.Title}",
                $"异议人 {o.ObjectorName}：{AnnouncementObjection.OutcomeName(o.Outcome)}；{o.OutcomeReason}");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Outcome is a concurrency token: the update matched no row because someone decided first.
                return new Result(Outcome.Refused, AlreadyDecidedMessage);
            }
            log.LogInformation("Objection {Id} to the announcement of {Code} decided: {Outcome}", o.Id, objection.Code, o.Outcome);
            return new Result(Outcome.Decided);
        }
    }
}
