using System.Globalization;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Common;
using BaZhouTalent.Application.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// 申请延期: the project's leader asks, before the planned completion date, for a later date with a reason. Limits
/// (<see cref="ClosureLifecycleOptions.Extensions"/>): one open request at a time, at most MaxCount approved
/// extensions and at most MaxTotalMonths beyond the register's original date.
/// </summary>
public static class RequestExtension
{
    public sealed class Command
    {
        public DateOnly? NewCompletion { get; set; }
        public string Reason { get; set; } = "";
    }

    public const int ReasonMaxLength = 1000;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewCompletion).NotNull().WithMessage("请填写延期后的计划完成时间。");
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写延期理由。")
                .MaximumLength(ReasonMaxLength).WithMessage($"延期理由不能超过 {ReasonMaxLength} 字。");
        }
    }

    public enum Outcome { Requested, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, IOptions<ClosureLifecycleOptions> options,
        ProjectNotices notices)
    {
        /// <summary>The leader's project with its requests, or null when it is not theirs (404).</summary>
        public Task<FundedProject?> LoadAsync(string code, CancellationToken cancellationToken) =>
            currentUser.UserId is not { } userId || !currentUser.IsInRole(Security.Roles.Researcher)
                ? Task.FromResult<FundedProject?>(null)
                : db.FundedProjects.Include(p => p.Application).Include(p => p.Requests)
                    .FirstOrDefaultAsync(p => p.Code == code && p.LeaderUserId == userId, cancellationToken);

        private const string OpenRequestMessage = "该项目已有一项延期申请正在办理，办结后才能再次申请。";

        /// <summary>Why the leader may not ask now (before anything is typed), or null.</summary>
        public string? RefusalBeforeAsking(FundedProject project)
        {
            if (ProjectLifecycle.RefusalFor(project) is { } terminated) return terminated;
            if (project.Lifecycle == ProjectLifecycleStatus.Concluded) return "该项目已结项，无需延期。";
            if (project.Application is { } a && a.Status is not (ApplicationStatus.Draft or ApplicationStatus.Returned))
                return "结项申请已提交，不能再申请延期。";
            if (project.Requests.Any(r => r.Kind == ProjectRequestKind.Extension && r.IsOpen))
                return OpenRequestMessage;
            var limits = options.Value.Extensions;
            var approved = project.Requests.Count(r => r.Kind == ProjectRequestKind.Extension && r.Status == ProjectRequestStatus.Approved);
            if (approved >= limits.MaxCount)
                return $"该项目已获批延期 {approved} 次，最多只能延期 {limits.MaxCount} 次。";
            if (ChinaTime.Today(clock) > project.EffectivePlannedCompletion)
                return $"计划完成时间（{Format(project.EffectivePlannedCompletion)}）已过，不能再申请延期；请尽快提交结项申请或联系所在单位。";
            if (project.EffectivePlannedCompletion >= LatestAllowed(project))
                return $"累计延期已达 {limits.MaxTotalMonths} 个月的上限（计划完成时间最晚为 {Format(LatestAllowed(project))}），不能再申请延期。";
            return null;
        }

        /// <summary>The latest date an extension may reach: the original date plus MaxTotalMonths.</summary>
        public DateOnly LatestAllowed(FundedProject project) => project.PlannedCompletion.AddMonths(options.Value.Extensions.MaxTotalMonths);

        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            var project = await LoadAsync(code, cancellationToken);
            if (project is null) return new Result(Outcome.NotFound);
            if (RefusalBeforeAsking(project) is { } refusal) return new Result(Outcome.Refused, refusal);
            var date = command.NewCompletion!.Value;
            if (date <= project.EffectivePlannedCompletion)
                return new Result(Outcome.Refused, $"延期后的计划完成时间应晚于当前计划完成时间（{Format(project.EffectivePlannedCompletion)}）。");
            var latest = LatestAllowed(project);
            if (date > latest)
                return new Result(Outcome.Refused,
                    $"累计延期不能超过 {options.Value.Extensions.MaxTotalMonths} 个月：延期后的计划完成时间最晚为 {Format(latest)}（原计划完成时间 {Format(project.PlannedCompletion)}）。");

            var request = new ProjectRequest
            {
                ProjectId = project.Id,
                Kind = ProjectRequestKind.Extension,
                RequestedByUserId = currentUser.UserId!,
                RequestedByName = await Accounts.SignatureName.OfAsync(db, currentUser, cancellationToken),
                RequestedAt = clock.GetUtcNow(),
                Reason = command.Reason.Trim(),
                CompletionBefore = project.EffectivePlannedCompletion,
                RequestedCompletion = date,
            };
            db.ProjectRequests.Add(request);
            await notices.RequestMovedAsync(project, request, cancellationToken);
            // The unique index on open requests refuses a second one saved at the same moment.
            if (!await db.SaveUnlessTakenAsync(cancellationToken))
                return new Result(Outcome.Refused, OpenRequestMessage);
            return new Result(Outcome.Requested);
        }
    }

    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
