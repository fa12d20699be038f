using System.Security.Claims;
using BaZhouTalent.Application.Abstractions;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using BaZhouTalent.Application.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaZhouTalent.Application.Review;

public enum ReviewOutcomeKind
{
    Done,
    /// <summary>Not the user's to see: the page answers 404.</summary>
    NotFound,
    /// <summary>Visible, but this action is not the user's (or not now): 403.</summary>
    Forbidden,
    /// <summary>Someone else acted first: the posted page was stale; nothing was saved.</summary>
    Conflict,
    /// <summary>A review rule refused the action; <see cref="ReviewOutcome.Message"/> says why in Chinese.</summary>
    Refused,
}

/// <summary>What became of a review action; <see cref="StillVisible"/> tells the page where to go next.</summary>
public sealed record ReviewOutcome(ReviewOutcomeKind Kind, string? Message = null, bool StillVisible = true)
{
    public const string ConflictMessage = "该结项申请在您打开页面后已被他人处理或更新，您的操作未保存。页面已刷新为最新状态，请核对后再操作。";

    /// <summary>Said when the database refused the step's one save: nothing of it was kept, the typed text is still on the form.</summary>
    public const string NotSavedMessage = "系统暂时无法保存，本次操作未生效，申请书保持原状。您填写的内容仍在页面上，请稍后再试；如多次出现，请联系市社科联。";

    public static ReviewOutcome NotFound { get; } = new(ReviewOutcomeKind.NotFound);
    public static ReviewOutcome Forbidden { get; } = new(ReviewOutcomeKind.Forbidden);
    public static ReviewOutcome Conflict { get; } = new(ReviewOutcomeKind.Conflict, ConflictMessage);
    public static ReviewOutcome Refused(string message) => new(ReviewOutcomeKind.Refused, message);
}

/// <summary>
/// The one commit path of every workflow transition, submission included: load the application, hide it when it
/// is not the user's (404), refuse a stale page (the posted concurrency stamp differs: conflict), check who may act
/// and that the state allows it (403, both from <see cref="WorkflowActions"/>), run the step (the action's checks,
/// then its intent method; rule refusals come back as Chinese messages), make verification codes unique, save once —
/// and turn a concurrent save by someone else into the Chinese conflict message instead of an overwrite.
/// The intent method writes the history line and, where it signs, the fingerprint and verification code.
/// </summary>
public sealed class ReviewActions(IAppDbContext db, IAuthorizationService authorization, TimeProvider clock, Notices.HandOverNotices handOverNotices,
    ILogger<ReviewActions> log)
{
    public const string FederationName = "巴中市社会科学界联合会";

    /// <summary>Who may ask, checked before the form is validated, so a stranger learns nothing from error messages:
    /// null when the user may fire <paramref name="trigger"/> now, else NotFound or Forbidden.</summary>
    public async Task<ReviewOutcome?> PreflightAsync(ClaimsPrincipal user, string code, ReviewTrigger trigger, CancellationToken cancellationToken)
    {
        var application = await ReviewLoading.LoadAsync(db, code, cancellationToken);
        return application is null ? ReviewOutcome.NotFound : await RefusalAsync(user, application, trigger, postedStamp: null);
    }

    /// <summary>
    /// The checks every action passes before its step, in order: visible (else 404), the page's stamp still current when
    /// one was posted (else conflict), the project not terminated, then who and in which state from the action table
    /// with the machine's guards (else 403). Null when the action may go ahead.
    /// </summary>
    private async Task<ReviewOutcome?> RefusalAsync(ClaimsPrincipal user, ClosureApplication application, ReviewTrigger trigger, Guid? postedStamp)
    {
        if (!await AllowedAsync(user, application, ApplicationOperations.View))
            return ReviewOutcome.NotFound;
        if (postedStamp is { } stamp && application.ConcurrencyStamp != stamp)
            return ReviewOutcome.Conflict;
        if (Projects.ProjectLifecycle.RefusalFor(application.Project) is { } terminated)
            return ReviewOutcome.Refused(terminated);
        if (!await AllowedAsync(user, application, ApplicationOperations.For(trigger)) || !application.CanFire(trigger))
            return ReviewOutcome.Forbidden;
        return null;
    }

    /// <summary>True when the application has changed since the page carrying <paramref name="postedStamp"/> was drawn.</summary>
    public async Task<bool> IsStaleAsync(string code, Guid postedStamp, CancellationToken cancellationToken) =>
        await db.ClosureApplications.AnyAsync(a => a.Project.Code == code && a.ConcurrencyStamp != postedStamp, cancellationToken);

    public async Task<ReviewOutcome> RunAsync(
        ClaimsPrincipal user,
        string code,
        Guid postedStamp,
        ReviewTrigger trigger,
        Func<ClosureApplication, ReviewActor, DateTimeOffset, Task> act,
        CancellationToken cancellationToken)
    {
        // A duplicate key that is not this application's (the year's next certificate number or a verification
        // code, taken by another application's action at the same moment) is not a conflict with the user:
        // start over with fresh numbers. Someone who acted on this application meanwhile changed its stamp,
        // and the next attempt answers that as the usual conflict.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(user, code, postedStamp, trigger, act, cancellationToken);
            }
            catch (DuplicateRowException)
            {
                db.DiscardChanges();
                if (attempt == 3)
                    return ReviewOutcome.Conflict;
                log.LogInformation("{Trigger} on {Code} met a duplicate key, attempt {Attempt}; retrying", trigger, code, attempt);
            }
        }
    }

    private async Task<ReviewOutcome> RunOnceAsync(
        ClaimsPrincipal user,
        string code,
        Guid postedStamp,
        ReviewTrigger trigger,
        Func<ClosureApplication, ReviewActor, DateTimeOffset, Task> act,
        CancellationToken cancellationToken)
    {
        // 1. Load; 2.–4. visible, the page's stamp, not terminated, who and in which state.
        var application = await ReviewLoading.LoadAsync(db, code, cancellationToken);
        if (application is null)
            return ReviewOutcome.NotFound;
        if (await RefusalAsync(user, application, trigger, postedStamp) is { } notNow)
            return notNow;

        var actor = await ReviewLoading.ActorAsync(db, user, cancellationToken);
        if (actor is null)
            return ReviewOutcome.Forbidden;
        var from = application.Status;
        // 5. The step: the action's own checks, then its intent method (history, signature, fingerprint).
        try
        {
            await act(application, actor, clock.GetUtcNow());
        }
        catch (ReviewRuleException refused)
        {
            return ReviewOutcome.Refused(refused.Message);
        }

        foreach (var opinion in application.Opinions.Where(o => o.Id == 0))
        {
            while (await db.ReviewOpinions.AnyAsync(o => o.VerificationCode == opinion.VerificationCode, cancellationToken))
                opinion.VerificationCode = VerificationCodes.New();
        }

        // Hand-over notices: the outbox rows are added here, saved with the step.
        await handOverNotices.RecordAsync(application, trigger, from, cancellationToken);

        // 6. One save.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e) when (e is not DuplicateRowException)
        {
            log.LogInformation("Stale {Trigger} on {Code} by {UserId} refused", trigger, code, actor.UserId);
            return ReviewOutcome.Conflict;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // The save runs in one transaction: a statement that fails part-way rolls back all that came before it.
            db.DiscardChanges();
            log.LogError(e, "{Trigger} on {Code} by {UserId} could not be saved; nothing of it was kept", trigger, code, actor.UserId);
            return ReviewOutcome.Refused(ReviewOutcome.NotSavedMessage);
        }

        log.LogInformation("Application {Code} {Trigger} {From}→{To} by {UserId} round {Round}",
            code, trigger, from, application.Status, actor.UserId, application.Round);
        return new ReviewOutcome(ReviewOutcomeKind.Done, StillVisible: await AllowedAsync(user, application, ApplicationOperations.View));
    }

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, ClosureApplication application, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, application, operation)).Succeeded;
}

/// <summary>Loading what the review pages and actions need.</summary>
public static class ReviewLoading
{
    /// <summary>The application of project <paramref name="code"/> with everything the workflow, the rules and the pages read; tracked.</summary>
    /// <remarks>
    /// Each part is read by its own key and joined to the application by the context's fix-up. One split query of the
    /// same graph repeated the application–project–unit–region–category join in each of its nine statements, and SQLite
    /// plans every statement afresh: preparing them was a third of a review page's time at 20,000 projects.
    /// </remarks>
    public static async Task<ClosureApplication?> LoadAsync(IAppDbContext db, string code, CancellationToken cancellationToken)
    {
        var application = await db.ClosureApplications.AsSplitQuery().SingleOrDefaultAsync(a => a.Project.Code == code, cancellationToken);
        if (application is null)
            return null;
        var (id, projectId) = (application.Id, application.ProjectId);
        // Approved change requests mark the change table (ChangeRecord); declined assignments are history lines.
        await db.FundedProjects.Where(p => p.Id == projectId)
            .Include(p => p.Unit).ThenInclude(u => u.Region).Include(p => p.Category).Include(p => p.Requests)
            .AsSplitQuery().LoadAsync(cancellationToken);
        await db.ReviewOpinions.Where(o => o.ApplicationId == id).LoadAsync(cancellationToken);
        await db.ExpertAssignments.Where(e => e.ApplicationId == id).LoadAsync(cancellationToken);
        await db.ApplicationRevisions.Where(r => r.ApplicationId == id).LoadAsync(cancellationToken);
        await db.AuditEntries.Where(h => h.ApplicationId == id).LoadAsync(cancellationToken);
        await db.Attachments.Where(f => f.ApplicationId == id).LoadAsync(cancellationToken);
        return application;
    }

    /// <summary>The signed-in user as a signer: their name, and the unit or federation their signature speaks for.</summary>
    public static async Task<ReviewActor?> ActorAsync(IAppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return null;
        var account = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.RealName, u.Post, u.DisplayName, u.UserName, Unit = u.Unit!.Name, Region = u.Region!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
            return null;
        // The real name signs; accounts created before it was recorded fall back to their display name.
        var name = !string.IsNullOrWhiteSpace(account.RealName) ? account.RealName
            : string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName ?? "" : account.DisplayName;
        var unit = user.IsInRole(Roles.CountyFederation) && account.Region is not null ? $"{account.Region}社科联"
            : user.IsInRole(Roles.MunicipalFederation) && account.Unit is null ? ReviewActions.FederationName
            : account.Unit ?? "";
        var post = user.IsInRole(Roles.Expert) || user.IsInRole(Roles.Researcher) ? "" : account.Post;
        return new ReviewActor(account.Id, name, unit, post);
    }
}
