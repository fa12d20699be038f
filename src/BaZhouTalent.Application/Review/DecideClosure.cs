using BaZhouTalent.Application.Applications;
using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BaZhouTalent.Application.Review;

/// <summary>五、市社科联审核意见: 同意结项 (with the next certificate number of the year) or 不予结项 with a reason.</summary>
public static class DecideClosure
{
    /// <param name="Approve">true = 同意结项, false = 不予结项.</param>
    public sealed record Command(string Code, Guid Stamp, bool? Approve, string? Opinion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Approve).NotNull().WithMessage("请选择同意结项或不予结项。");
            RuleFor(c => c.Opinion).NotEmpty().When(c => c.Approve == false).WithMessage("不予结项须填写理由。");
            RuleFor(c => c.Opinion).WithinOpinionLimit("审核意见")
                .Printable("审核意见", multiLine: true);
        }
    }

    public sealed class Handler(ReviewActions actions, IAppDbContext db, Audit.StaffAudit audit,
        Microsoft.Extensions.Options.IOptions<Announcements.AnnouncementOptions> announcement, Notices.StageDeadlines calendar)
    {
        public Task<ReviewOutcome> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            var trigger = command.Approve == true ? ReviewTrigger.Conclude : ReviewTrigger.Reject;
            return actions.RunAsync(user, command.Code, command.Stamp, trigger, async (application, actor, now) =>
            {
                if (command.Approve == true)
                {
                    var year = CertificateNumbers.YearOf(now);
                    var prefix = CertificateNumbers.PrefixFor(year);
                    var issued = await db.ClosureApplications
                        .Where(a => a.CertificateNumber != null && a.CertificateNumber.StartsWith(prefix))
                        .Select(a => a.CertificateNumber)
                        .ToListAsync(cancellationToken);
                    var text = string.IsNullOrWhiteSpace(command.Opinion) ? "同意结项。" : Common.TypedText.Clean(command.Opinion);
                    application.Conclude(actor, text, CertificateNumbers.Next(year, issued), now);
                    audit.AddFor(Audit.StaffAction.ClosureConcluded, application.Project, $"{application.CertificateNumber}；{text}");
                    // 结项公示: published with the conclusion, in the same save; the certificate waits for its end.
                    if (announcement.Value.WorkingDays > 0)
                        db.ClosureAnnouncements.Add(new Domain.ClosureAnnouncement
                        {
                            ApplicationId = application.Id, PublishedAt = now, WorkingDays = announcement.Value.WorkingDays,
                            EndsOn = announcement.Value.EndOf(Common.ChinaTime.ChinaDate(now), calendar.IsWorkingDay),
                        });
                }
                else
                {
                    application.Reject(actor, Common.TypedText.Clean(command.Opinion), now);
                    audit.AddFor(Audit.StaffAction.ClosureRejected, application.Project, command.Opinion ?? "");
                }
            }, cancellationToken);
        }
    }
}
