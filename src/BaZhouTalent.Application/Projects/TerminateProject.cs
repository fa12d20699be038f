using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Audit;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Workflow;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaZhouTalent.Application.Projects;

/// <summary>
/// 终止 / 撤项: the city federation ends a project with a ground from the configured list and a reason. No closure
/// step is possible afterwards (<see cref="ProjectLifecycle.RefusalFor"/>); an application already in review stays
/// as it was signed, read-only, and leaves every queue (ADR 0004).
/// </summary>
public static class TerminateProject
{
    public sealed class Command
    {
        public string Ground { get; set; } = "";
        public string Reason { get; set; } = "";
    }

    public const int ReasonMaxLength = 1000;

    /// <summary>The ground recorded when the federation approves a unit's 撤项 request.</summary>
    public const string UnitRequestGround = "单位申请撤项";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<ClosureLifecycleOptions> options)
        {
            RuleFor(c => c.Ground).Must(g => options.Value.Termination.Grounds.Contains(g)).WithMessage("请选择终止理由类别。");
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写终止的具体理由。")
                .MaximumLength(ReasonMaxLength).WithMessage($"终止理由不能超过 {ReasonMaxLength} 字。");
        }
    }

    public enum Outcome { Terminated, Refused, NotFound }

    public sealed record Result(Outcome Outcome, string? Message = null);

    public sealed class Handler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock, StaffAudit audit, ProjectNotices notices, ILogger<Handler> log)
    {
        public Task<FundedProject?> LoadAsync(string code, CancellationToken cancellationToken) =>
            currentUser.IsInRole(Security.Roles.MunicipalFederation)
                ? db.FundedProjects.Include(p => p.Application).Include(p => p.Unit).FirstOrDefaultAsync(p => p.Code == code, cancellationToken)
                : Task.FromResult<FundedProject?>(null);

        public async Task<Result> HandleAsync(string code, Command command, CancellationToken cancellationToken = default)
        {
            var project = await LoadAsync(code, cancellationToken);
            if (project is null) return new Result(Outcome.NotFound);
            try
            {
                project.Terminate(command.Ground, command.Reason.Trim(), await Accounts.SignatureName.OfAsync(db, currentUser, cancellationToken), clock.GetUtcNow());
            }
            catch (ReviewRuleException refused)
            {
                return new Result(Outcome.Refused, refused.Message);
            }
            audit.Add(StaffAction.ProjectTerminated, $"{project.Code} {project.Title}", $"{command.Ground}；{command.Reason.Trim()}");
            await notices.TerminatedAsync(project, command.Ground, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            log.LogInformation("Project {Code} terminated ({Ground}) by {UserId}; application {Status}",
                project.Code, command.Ground, currentUser.UserId, project.Application?.Status);
            return new Result(Outcome.Terminated);
        }
    }
}
