using BaZhouTalent.Application.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaZhouTalent.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use-case handlers and validators of the application layer.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        // Handlers are plain classes injected into page models (no mediator); register each here.
        services.AddQueueHandlers();
        services.AddReviewHandlers();
        services.AddApplicationHandlers();
        services.AddRegisterHandlers();
        services.AddAccountHandlers();
        services.AddDeskHandlers();
        services.AddProjectLifecycleHandlers();
        services.AddNotices();
        services.AddReuse();
        services.AddSingleton<IAuthorizationHandler, ApplicationAuthorizationHandler>();
        services.AddScoped<Disclosure.LoadDisclosed.Handler>();
        services.AddScoped<Printing.GetPrintModel.Handler>();
        return services;
    }

    // 自建库查重: the queue written with each submission, the worker's checks, the archive sweep, the report page.
    private static IServiceCollection AddReuse(this IServiceCollection services)
    {
        services.AddOptions<Reuse.ReuseOptions>()
            .BindConfiguration(Reuse.ReuseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Reuse.ReuseSignal>();
        services.AddScoped<Reuse.ReuseQueue>();
        services.AddScoped<Reuse.RunReuseChecks>();
        services.AddScoped<Reuse.ReuseArchive>();
        services.AddScoped<Reuse.GetReuseReport.Handler>();
        return services;
    }

    // Notices: the hand-over notices and outbox rows written with each step, the message centre, deadlines, reminders.
    private static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddOptions<Notices.NoticeOptions>()
            .BindConfiguration(Notices.NoticeOptions.Section)
            .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((options, configuration) =>
                options.PortalBaseUrl ??= configuration["Portal:PublicBaseUrl"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Notices.DeadlineOptions>()
            .BindConfiguration(Notices.DeadlineOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Notices.StageDeadlines>();
        services.AddSingleton<Notices.WorkerIdentity>();
        services.AddScoped<Notices.NoticeWriter>();
        services.AddScoped<Notices.NoticeRecipients>();
        services.AddScoped<Projects.ProjectNotices>();
        services.AddScoped<Notices.HandOverNotices>();
        services.AddScoped<Notices.JobLeases>();
        services.AddScoped<Notices.SendReminders>();
        services.AddScoped<Notices.MessageCentre.Handler>();
        return services;
    }

    // The researcher's closure application: start, the section pages, the report import, submission.
    private static IServiceCollection AddApplicationHandlers(this IServiceCollection services)
    {
        services.AddOptions<Applications.ReportUploadOptions>()
            .BindConfiguration(Applications.ReportUploadOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Applications.ClosureOptions>()
            .BindConfiguration(Applications.ClosureOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<Applications.FindApplication.Handler>();
        services.AddScoped<Applications.RequestExemption.Handler>();
        services.AddScoped<Applications.StartApplication.Handler>();
        services.AddScoped<Applications.SaveCover.Handler>();
        services.AddScoped<Applications.SaveChangeTable.Handler>();
        services.AddScoped<Applications.SaveReport.Handler>();
        services.AddScoped<Applications.ReportVersions.Handler>();
        services.AddScoped<Applications.ImportReportDocument.Handler>();
        services.AddScoped<Applications.KeepImportedReport.Handler>();
        services.AddScoped<Applications.SubmitApplication.Validator>();
        services.AddScoped<Applications.SubmitApplication.Handler>();
        services.AddOptions<Applications.AttachmentOptions>()
            .BindConfiguration(Applications.AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<Applications.UploadAttachment.Handler>();
        services.AddScoped<Applications.DeleteAttachment.Handler>();
        services.AddScoped<Applications.GetAttachmentFile.Handler>();
        services.AddScoped<Applications.AttachmentFreezer>();
        return services;
    }

    // The funded project's lifecycle: extension requests and their decisions, termination, closure windows.
    private static IServiceCollection AddProjectLifecycleHandlers(this IServiceCollection services)
    {
        services.AddOptions<Projects.ClosureLifecycleOptions>()
            .BindConfiguration(Projects.ClosureLifecycleOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Termination.Grounds.Length > 0 && o.Extensions.MaxCount >= 0 && o.Extensions.MaxTotalMonths > 0,
                "Closure:Termination:Grounds needs at least one ground; extension limits must be positive.")
            .ValidateOnStart();
        services.AddScoped<Projects.RequestExtension.Handler>();
        services.AddScoped<Projects.DecideRequest.Handler>();
        services.AddScoped<Projects.RequestTermination.Handler>();
        services.AddScoped<Projects.TerminateProject.Handler>();
        services.AddScoped<Projects.ListWaitingRequests.Handler>();
        services.AddScoped<Projects.GetProjectFile.Handler>();
        services.AddScoped<Projects.ClosureWindows.Handler>();
        return services;
    }

    // The city federation's account management: create, reset password, unlock.
    private static IServiceCollection AddAccountHandlers(this IServiceCollection services)
    {
        services.AddScoped<Accounts.CreateAccount.Handler>();
        services.AddScoped<Accounts.EditAccountProfile.Handler>();
        services.AddScoped<Accounts.ResetPassword.Handler>();
        services.AddScoped<Accounts.UnlockAccount.Handler>();
        services.AddScoped<Accounts.ResetTwoFactor.Handler>();
        services.AddScoped<Accounts.SetAccountDisabled.Handler>();
        services.AddScoped<Accounts.ChangeAccountRole.Handler>();
        return services;
    }

    // The city federation's desk: staff audit trail, units, expert pool, certificates, announcements, archive.
    private static IServiceCollection AddDeskHandlers(this IServiceCollection services)
    {
        services.AddScoped<Audit.SecurityAudit>();
        services.AddScoped<Audit.StaffAudit>();
        services.AddScoped<Audit.ListSecurityEvents.Handler>();
        services.AddScoped<Audit.VerifySecurityAudit.Handler>();
        services.AddScoped<Units.AddUnit.Handler>();
        services.AddScoped<Units.RenameUnit.Handler>();
        services.AddScoped<Units.MoveUnit.Handler>();
        services.AddScoped<Units.SetUnitDisabled.Handler>();
        services.AddScoped<Experts.ListExperts.Handler>();
        services.AddScoped<Experts.SaveExpert.Validator>();
        services.AddScoped<Experts.SaveExpert.Handler>();
        services.AddScoped<Experts.SetExpertDisabled.Handler>();
        services.AddScoped<Experts.ImportExperts.Handler>();
        services.AddScoped<Certificates.GetCertificate.Handler>();
        services.AddScoped<Certificates.ListAnnouncement.Handler>();
        services.AddScoped<Archive.BuildArchive.Handler>();
        return services;
    }

    // The city federation's register of funded projects: the 登记项目 form and the Excel import.
    private static IServiceCollection AddRegisterHandlers(this IServiceCollection services)
    {
        services.AddScoped<Register.GetRegisterChoices.Handler>();
        services.AddScoped<Register.RegisterProject.Validator>();
        services.AddScoped<Register.RegisterProject.Handler>();
        services.AddScoped<Register.ImportProjects.Handler>();
        return services;
    }

    // The shell's read-only lists: the home page queue, each role's list page, and the registers.
    private static IServiceCollection AddQueueHandlers(this IServiceCollection services)
    {
        services.AddScoped<Queue.GetWorkQueue.Handler>();
        services.AddScoped<Queue.ListMyProjects.Handler>();
        services.AddScoped<Queue.ListReviewQueue.Handler>();
        services.AddScoped<Queue.ListProjects.Handler>();
        services.AddScoped<Queue.ListUnits.Handler>();
        services.AddScoped<Queue.ListUsers.Handler>();
        services.AddScoped<Programme.ListClosures.Handler>();
        services.AddScoped<Programme.ProgrammeChoices.Handler>();
        services.AddMemoryCache();
        services.AddScoped<Common.VersionedCache>();
        services.AddScoped<Common.ListCounts>();
        services.AddScoped<Programme.GetDashboard.Handler>();
        services.AddScoped<Backups.ListBackupRuns.Handler>();
        return services;
    }

    // The review chain: each reviewer's action, the review page, history and signature verification.
    private static IServiceCollection AddReviewHandlers(this IServiceCollection services)
    {
        services.AddScoped<Review.ReviewActions>();
        services.AddScoped<Review.GetReviewPage.Handler>();
        services.AddScoped<Review.ApproveByUnit.Handler>();
        services.AddScoped<Review.DecideExemption.Handler>();
        services.AddScoped<Review.DeferClosure.Handler>();
        services.AddScoped<Review.ApproveByCounty.Handler>();
        services.AddScoped<Review.AssignExperts.Handler>();
        services.AddScoped<Review.RecordAppraisal.Handler>();
        services.AddScoped<Review.CompleteAppraisal.Handler>();
        services.AddScoped<Review.DecideClosure.Handler>();
        services.AddScoped<Review.ReturnApplication.Handler>();
        services.AddScoped<Review.WithdrawApplication.Handler>();
        services.AddScoped<Review.GetHistory.Handler>();
        services.AddScoped<Review.VerifySignature.Handler>();
        return services;
    }
}
