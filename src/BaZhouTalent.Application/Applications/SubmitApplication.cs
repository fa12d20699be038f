using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Printing;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Typesetting;
using FluentValidation;
using System.Security.Claims;
using BaZhouTalent.Application.Review;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 提交: checks every section with the same rules the section pages show (the <see cref="Validator"/>, a step of its
/// own so further checks join it), then hands the application to the workflow through the one commit path, which
/// records who and when, freezes the content as this round's revision (JSON and its SHA-256) and moves it to the
/// unit's review. From then on the researcher can only read it.
/// </summary>
public static class SubmitApplication
{
    /// <summary>The section pages a problem is fixed on.</summary>
    public enum Section { Cover, Changes, Report, Attachments }

    /// <param name="Field">The property path on the section's form (e.g. <c>Leader.Phone</c>), for a link to the field.</param>
    public sealed record Problem(Section Section, string Field, string Message);

    public sealed record Command(string ProjectCode, Guid ConcurrencyStamp);

    /// <param name="Forbidden">Not the leader, or the application is not in a state that can be submitted.</param>
    /// <param name="Refused">Closed for now: the project terminated, or outside every closure window (<see cref="Result.Message"/>).</param>
    public enum Outcome { Submitted, Invalid, Conflict, Forbidden, NotFound, Refused }

    /// <param name="Message">Why submission is refused now (the project terminated, outside every closure window).</param>
    public sealed record Result(Outcome Outcome, IReadOnlyList<Problem> Problems, string? Message = null)
    {
        public static Result Of(Outcome outcome) => new(outcome, []);

        public static Result Refused(string message) => new(Outcome.Refused, [], message);
    }

    public const string ExemptionEvidenceMissing =
        "已申请免于鉴定，但尚未上传“免于鉴定证明材料”（如获奖证书、领导批示件、刊发页面）。请在“附件”中上传，或在“结项方式”中撤销免于鉴定申请。";

    /// <summary>Every problem that stands between the application and submission, section by section.</summary>
    public sealed class Validator(
        IValidator<SaveCover.Command> cover,
        IValidator<SaveChangeTable.Command> changes,
        IValidator<SaveReport.Command> report)
    {
        public async Task<IReadOnlyList<Problem>> ProblemsAsync(ClosureApplication application, CancellationToken cancellationToken = default)
        {
            var problems = new List<Problem>();
            foreach (var e in (await cover.ValidateAsync(SaveCover.Command.From(application), cancellationToken)).Errors)
                problems.Add(new Problem(Section.Cover, e.PropertyName, e.ErrorMessage));
            foreach (var e in (await changes.ValidateAsync(SaveChangeTable.Command.From(application), cancellationToken)).Errors)
                problems.Add(new Problem(Section.Changes, e.PropertyName, e.ErrorMessage));
            foreach (var e in (await report.ValidateAsync(SaveReport.Command.From(application), cancellationToken)).Errors)
                problems.Add(new Problem(Section.Report, e.PropertyName, e.ErrorMessage));
            // 免于鉴定 is granted on evidence: the request goes nowhere without at least one file proving its ground.
            if (application.ExemptionRequested && !application.Attachments.Any(a => a.Kind == AttachmentKind.ExemptionEvidence))
                problems.Add(new Problem(Section.Attachments, "", ExemptionEvidenceMissing));
            // The last guard: the form exactly as it will print, in full and blind, must have a glyph for every
            // character, the register's fields included, so an application that passed submission always prints.
            foreach (var missing in new[] { ViewerKind.Federation, ViewerKind.Expert }
                .Select(kind => DisclosedApplication.Build(application, DisclosurePolicy.OfKind(kind, application)))
                .SelectMany(copy => PrintService.FindMissingCharacters(ApplicationPrintMapper.Map(copy)))
                .DistinctBy(m => m.Character)
                .Where(m => !problems.Any(p => p.Message.Contains($"“{m.Character}”", StringComparison.Ordinal))))
            {
                var section = missing.Field.StartsWith("最终成果", StringComparison.Ordinal) ? Section.Report
                    : missing.Field.StartsWith("封面", StringComparison.Ordinal) ? Section.Cover : Section.Changes;
                problems.Add(new Problem(section, "",
                    $"{missing.Field}中的“{missing.Character}”（{missing.CodePoint}）无法打印：印刷字体中没有这个字符，请改用规范汉字或删去；登记信息有误请联系市社科联更正。"));
            }
            return problems;
        }
    }

    /// <summary>
    /// Submission on the one commit path (<see cref="ReviewActions"/>): 404 for what the user may not see, the
    /// conflict message for a stale page, 403 for anyone but the leader or a state that cannot be submitted; then
    /// the checks (<see cref="Validator"/>), then the intent method, then one save.
    /// </summary>
    public sealed class Handler(ReviewActions actions, Validator validator, IAppDbContext db, TimeProvider clock,
        AttachmentFreezer attachments, Reuse.ReuseQueue reuse, Reuse.ReuseSignal reuseSignal)
    {
        public const string InvalidMessage = "申请书尚有未填写完整或不符合要求的内容，请按下方提示修改后再提交。";

        /// <summary>Why submitting now would be refused for the calendar (outside every closure window), or null; for the check page.</summary>
        public Task<string?> WindowRefusalAsync(CancellationToken cancellationToken = default) =>
            Projects.ClosureWindows.RefusalAsync(db, Common.ChinaTime.Today(clock), cancellationToken);

        public async Task<Result> HandleAsync(Command command, ClaimsPrincipal user, CancellationToken cancellationToken = default)
        {
            IReadOnlyList<Problem> problems = [];
            var outcome = await actions.RunAsync(user, command.ProjectCode, command.ConcurrencyStamp, ReviewTrigger.Submit,
                async (application, actor, now) =>
                {
                    // The calendar first (结项批次): outside every window nothing else matters yet.
                    if (await WindowRefusalAsync(cancellationToken) is { } closed)
                        throw new ReviewRuleException(closed);
                    // The checks: everything that stands between the application and submission.
                    problems = await validator.ProblemsAsync(application, cancellationToken);
                    if (problems.Count > 0)
                        throw new ReviewRuleException(InvalidMessage);
                    // The intent: freeze this round's revision (its supporting files with it) and hand the application to the unit.
                    application.Submit(actor, now);
                    await attachments.FreezeAsync(application, cancellationToken);
                    // 自建库查重 is queued with the submission and runs after its commit (never inside this request).
                    reuse.Enqueue(application, now);
                }, cancellationToken);
            if (outcome.Kind == ReviewOutcomeKind.Done)
                reuseSignal.Poke();
            return outcome.Kind switch
            {
                ReviewOutcomeKind.Done => Result.Of(Outcome.Submitted),
                ReviewOutcomeKind.NotFound => Result.Of(Outcome.NotFound),
                ReviewOutcomeKind.Forbidden => Result.Of(Outcome.Forbidden),
                ReviewOutcomeKind.Conflict => Result.Of(Outcome.Conflict),
                _ when problems.Count > 0 => new Result(Outcome.Invalid, problems),
                _ => Result.Refused(outcome.Message ?? InvalidMessage),
            };
        }
    }
}
