using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Printing;
using BaZhouTalent.Application.Workflow;
using BaZhouTalent.Typesetting;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Applications;

/// <summary>
/// 提交: checks every section with the same rules the section pages show, then hands the application to
/// the workflow, which records who and when, freezes the content as this round's revision (JSON and its
/// SHA-256) and moves it to the unit's review. From then on the researcher can only read it.
/// </summary>
public static class SubmitApplication
{
    /// <summary>The section pages a problem is fixed on.</summary>
    public enum Section { Cover, Changes, Report }

    /// <param name="Field">The property path on the section's form (e.g. <c>Leader.Phone</c>), for a link to the field.</param>
    public sealed record Problem(Section Section, string Field, string Message);

    public sealed record Command(string ProjectCode, Guid ConcurrencyStamp);

    public enum Outcome { Submitted, Invalid, Conflict, NotEditable, NotFound }

    public sealed record Result(Outcome Outcome, IReadOnlyList<Problem> Problems)
    {
        public static Result Of(Outcome outcome) => new(outcome, []);
    }

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

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, Validator validator,
        Notices.HandOverNotices handOverNotices, ILogger<Handler> log)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            // The workflow's guards and the revision read all of these.
            var application = await db.ClosureApplications
                .AsSplitQuery()
                .Include(a => a.Project).ThenInclude(p => p.Unit).ThenInclude(u => u.Region)
                .Include(a => a.Project).ThenInclude(p => p.Category)
                .Include(a => a.ExpertAssignments)
                .Include(a => a.Opinions)
                .Include(a => a.Revisions)
                .FirstOrDefaultAsync(a => a.Project.Code == command.ProjectCode, cancellationToken);
            if (application is null || currentUser.UserId is not { } userId) return Result.Of(Outcome.NotFound);
            if (!application.CanFire(ReviewTrigger.Submit)) return Result.Of(Outcome.NotEditable);
            if (application.ConcurrencyStamp != command.ConcurrencyStamp) return Result.Of(Outcome.Conflict);

            var problems = await validator.ProblemsAsync(application, cancellationToken);
            if (problems.Count > 0) return new Result(Outcome.Invalid, problems);

            var from = application.Status;
            application.Submit(new ReviewActor(userId, currentUser.DisplayName), clock.GetUtcNow());
            application.ConcurrencyStamp = Guid.NewGuid();
            await handOverNotices.RecordAsync(application, ReviewTrigger.Submit, from, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A double click: the other request submitted first (its revision round is taken), so this
                // one meets an application that is no longer the researcher's to change.
                var stillEditable = await db.ClosureApplications.AsNoTracking().AnyAsync(
                    a => a.Project.Code == command.ProjectCode && a.Status == from, cancellationToken);
                return Result.Of(stillEditable ? Outcome.Conflict : Outcome.NotEditable);
            }
            log.LogInformation("Application {ProjectCode} submitted, round {Round}: {From}→{To}",
                command.ProjectCode, application.Round, from, application.Status);
            return Result.Of(Outcome.Submitted);
        }

    }
}
