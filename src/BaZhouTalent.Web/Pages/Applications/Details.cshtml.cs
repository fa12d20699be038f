using BaZhouTalent.Application.Announcements;
using BaZhouTalent.Application.Applications;
using BaZhouTalent.Application.Disclosure;
using BaZhouTalent.Application.Domain;
using BaZhouTalent.Application.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BaZhouTalent.Web.Pages.Applications;

/// <summary>The whole application read-only, with its status and the actions the viewer may take.</summary>
public sealed class DetailsModel(FindApplication.Handler find, IAuthorizationService authorization, Application.Reuse.GetReuseReport.Handler reuse,
    GetAnnouncementStatus.Handler announcements)
    : ApplicationPageModel(find, authorization)
{
    public Application.Reuse.GetReuseReport.Summary Reuse { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanWithdraw { get; private set; }

    public bool CanDownloadCertificate { get; private set; }

    public ApplicationView View { get; private set; } = null!;

    public string? Notice { get; private set; }

    public AnnouncementStatus Announcement { get; private set; } = AnnouncementStatus.None;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadForViewAsync(code, cancellationToken) is { } notFound) return notFound;
        CanEdit = await IsAllowedAsync(Application, ApplicationOperations.Edit);
        CanWithdraw = await IsAllowedAsync(Application, ApplicationOperations.Withdraw);
        CanDownloadCertificate = await IsAllowedAsync(Application, ApplicationOperations.DownloadCertificate);
        if (CanDownloadCertificate)
        {
            // 结项公示: the certificate is offered once issued; until then its holders read where the announcement stands.
            Announcement = await announcements.HandleAsync(Application.Id, cancellationToken);
            CanDownloadCertificate = Announcement.CertificateIssued;
        }
        var policy = DisclosurePolicy.For(User, Application);
        View = ApplicationView.From(Application, policy);
        Reuse = await reuse.SummaryAsync(Application, policy, cancellationToken);
        Notice = TempData[NoticeKey] as string;
        return Page();
    }
}

/// <summary>
/// What the read-only view of an application shows: the disclosed application (never the entity), and the
/// report's outline and paragraphs for display.
/// </summary>
public sealed record ApplicationView(DisclosedApplication Application, ReportOutline Outline,
    IReadOnlyList<Typesetting.Reports.ReportParagraph> Paragraphs)
{
    public static ApplicationView From(ClosureApplication application, DisclosurePolicy policy)
    {
        var disclosed = DisclosedApplication.Build(application, policy);
        return new(disclosed, ReportOutline.From(disclosed.ReportText), Typesetting.Reports.ReportMarkup.Parse(disclosed.ReportText));
    }

    /// <summary>The last return while the application is returned (or deferral while deferred), as the viewer may read it.</summary>
    public DisclosedHistoryEntry? LastReturn => Application.Status switch
    {
        ApplicationStatus.Returned => Application.LastReturn,
        ApplicationStatus.Deferred => Application.LastDeferral,
        _ => null,
    };
}
