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
/// 登记异议: the city federation records an objection to an announced conclusion — who raised it, what it says, the
/// day it was received (inside the period, not in the future). While it stands the certificate does not issue.
/// </summary>
public static class RecordObjection
{
    public const int ContentMaxLength = 1000;
    public const int ObjectorMaxLength = 100;

    public sealed class Command
    {
        public string? ObjectorName { get; set; }
        public string? Content { get; set; }
        public DateOnly? ReceivedOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ObjectorName).NotEmpty().WithMessage("请填写异议人（姓名或单位）。")
                .MaximumLength(ObjectorMaxLength).WithMessage($"异议人不超过 {ObjectorMaxLength} 个字符。");
            RuleFor(c => c.Content).NotEmpty().WithMessage("请填写异议内容。")
                .MaximumLength(ContentMaxLength).WithMessage($"异议内容不超过 {ContentMaxLength} 个字符。");
            RuleFor(c => c.ReceivedOn).NotNull().WithMessage("请填写收到异议的日期。");
        }
    }

    public enum Outcome { Recorded, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser user, TimeProvider clock, StaffAudit audit, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            var target = await db.ClosureApplications.Where(a => a.Project.Code == code && a.Status == ApplicationStatus.Concluded)
                .Select(a => new { a.Id, a.Project.Code, a.Project.Title }).SingleOrDefaultAsync(cancellationToken);
            var announcement = target is null ? null
                : await db.ClosureAnnouncements.Include(a => a.Objections).SingleOrDefaultAsync(a => a.ApplicationId == target.Id, cancellationToken);
            if (target is null || announcement is null) return new Result(Outcome.NotFound);

            var now = clock.GetUtcNow();
            var received = command.ReceivedOn!.Value;
            var publishedOn = announcement.PublishedAt.ChinaDate();
            if (announcement.StateOn(now.ChinaDate()) == AnnouncementState.Upheld)
                return new Result(Outcome.Refused, "已有异议经核查成立，本项目不颁发结项证书，无需再登记异议。");
            if (received < publishedOn || received > announcement.EndsOn)
                return new Result(Outcome.Refused,
                    $"收到异议的日期须在公示期内（{AnnouncementStatus.ChineseDate(publishedOn)}至{AnnouncementStatus.ChineseDate(announcement.EndsOn)}），公示期外收到的异议不予登记。");
            if (received > now.ChinaDate())
                return new Result(Outcome.Refused, "收到异议的日期不能晚于今天。");

            var objection = new AnnouncementObjection
            {
                ObjectorName = TypedText.Clean(command.ObjectorName).Trim(),
                Content = TypedText.Clean(command.Content).Trim(),
                ReceivedOn = received,
                RecordedAt = now,
                RecordedByName = await SignatureName.OfAsync(db, user, cancellationToken),
            };
            announcement.Objections.Add(objection);
            audit.Add(StaffAction.ObjectionRecorded, $"{target.Code} {target.Title}", $"异议人 {objection.ObjectorName}；{objection.Content}");
            await db.SaveChangesAsync(cancellationToken);
            log.LogInformation("Objection to the announcement of {Code} recorded", target.Code);
            return new Result(Outcome.Recorded);
        }
    }
}
